using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    private const int InstanceBatch = 500;

    /// <summary>
    /// The cases run by these workflow instances, unscoped: an inbox lists only tasks already offered to the caller,
    /// and a task offered to an assisting department is its way into a case it does not lead.
    /// </summary>
    public async Task<IReadOnlyList<TaskCase>> ListByProcessInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct = default)
    {
        var found = new List<TaskCase>(instanceIds.Count);
        if (instanceIds.Count == 0)
        {
            return found;
        }

        await using var connection = await connections.OpenAsync(ct);
        foreach (var batch in instanceIds.Distinct().Chunk(InstanceBatch))
        {
            var parameters = new DynamicParameters();
            var rows = await connection.QueryAsync<TaskCaseRow>(new CommandDefinition(
                $"SELECT {CaseColumns}, c.first_dispatched_at AS FirstDispatchedAt FROM cases c WHERE {In("c.process_instance_id", "instances", batch, parameters)}",
                parameters,
                cancellationToken: ct));
            found.AddRange(rows.Select(r => new TaskCase(r.ToRecord(), SqlValues.ReadInstant(r.FirstDispatchedAt))));
        }

        return found;
    }

    private sealed class TaskCaseRow
    {
        public long RowId { get; set; }

        public string Id { get; set; } = "";

        public string Number { get; set; } = "";

        public string CategoryCode { get; set; } = "";

        public string? StreetId { get; set; }

        public string? CommunityId { get; set; }

        public string? GridId { get; set; }

        public string Channel { get; set; } = "";

        public string Severity { get; set; } = "";

        public string Status { get; set; } = "";

        public int ClusterSize { get; set; }

        public string? LeadDepartmentId { get; set; }

        public string? ProcessInstanceId { get; set; }

        public string? Description { get; set; }

        public string? Address { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string? ReporterDisplay { get; set; }

        public bool IsKeyCase { get; set; }

        public object? OpenedAt { get; set; }

        public object? DueAt { get; set; }

        public object? ClosedAt { get; set; }

        public object? FirstDispatchedAt { get; set; }

        public CaseRecord ToRecord() => new CaseRow
        {
            RowId = RowId, Id = Id, Number = Number, CategoryCode = CategoryCode, StreetId = StreetId, CommunityId = CommunityId,
            GridId = GridId, Channel = Channel, Severity = Severity, Status = Status, ClusterSize = ClusterSize,
            LeadDepartmentId = LeadDepartmentId, ProcessInstanceId = ProcessInstanceId, Description = Description, Address = Address,
            Latitude = Latitude, Longitude = Longitude, ReporterDisplay = ReporterDisplay, IsKeyCase = IsKeyCase, OpenedAt = OpenedAt,
            DueAt = DueAt, ClosedAt = ClosedAt,
        }.ToRecord();
    }
}

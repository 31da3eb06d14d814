using System.Data.Common;
using System.Text.Json;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Reporting;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    private const string CaseColumns = """
        c.row_id AS RowId, c.id AS Id, c.number AS Number, c.category_code AS CategoryCode, c.street_id AS StreetId,
        c.community_id AS CommunityId, c.grid_id AS GridId, c.channel AS Channel, c.severity AS Severity, c.status AS Status,
        c.cluster_size AS ClusterSize, c.lead_department_id AS LeadDepartmentId, c.process_instance_id AS ProcessInstanceId,
        c.description AS Description, c.address AS Address, c.latitude AS Latitude, c.longitude AS Longitude,
        c.reporter_display AS ReporterDisplay, c.is_key_case AS IsKeyCase, c.opened_at AS OpenedAt, c.due_at AS DueAt,
        c.closed_at AS ClosedAt
        """;

    private static readonly string[] FinalStatuses = [nameof(CaseStatus.Closed), nameof(CaseStatus.Merged), nameof(CaseStatus.Cancelled)];

    /// <summary>The case, or null when it is unknown or outside the caller's scope (the two are not told apart).</summary>
    public async Task<CaseRecord?> GetAsync(string caseId, DataScope scope, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { caseId });
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseColumns} FROM cases c WHERE c.id = @caseId AND {ScopeFilter(scope, parameters)}",
            parameters,
            cancellationToken: ct));
        return row?.ToRecord();
    }

    /// <summary>Reporting facts of the cases opened in [<paramref name="from"/>, <paramref name="to"/>) within the scope.</summary>
    public async Task<IReadOnlyList<CaseFacts>> GetFactsAsync(DateTimeOffset from, DateTimeOffset to, DataScope scope, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { From = Instant(from), To = Instant(to) });
        var rows = await connection.QueryAsync<FactsRow>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.category_code AS CategoryCode, c.street_id AS StreetId, c.community_id AS CommunityId,
                c.grid_id AS GridId, c.lead_department_id AS LeadDepartmentId, e.at AS ReportedAt,
                c.first_dispatched_at AS FirstDispatchedAt, c.due_at AS DueAt, c.completed_at AS CompletedAt,
                c.closed_at AS ClosedAt, c.dispatch_count AS DispatchCount, c.return_count AS ReturnCount,
                c.send_back_count AS SendBackCount, c.reopen_count AS ReopenCount, c.citizen_satisfied AS CitizenSatisfied,
                c.auto_dispatched AS AutoDispatched
            FROM cases c
            JOIN case_events e ON e.case_id = c.id AND e.position = 1
            WHERE c.opened_at >= @From AND c.opened_at < @To AND {ScopeFilter(scope, parameters)}
            ORDER BY c.opened_at, c.row_id
            """,
            parameters,
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToFacts())];
    }

    /// <summary>Stores a supervision notice (督办) on a case; returns its id.</summary>
    public async Task<long> AddSupervisionNoticeAsync(SupervisionNotice notice, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO supervision_notices (case_id, tier, issued_at, issued_by, department_id, message, recipients)
            VALUES (@CaseId, @Tier, @IssuedAt, @IssuedBy, @DepartmentId, @Message, @Recipients)
            RETURNING id
            """,
            new
            {
                notice.CaseId, Tier = notice.Tier.ToString(), IssuedAt = Instant(notice.IssuedAt), notice.IssuedBy, notice.DepartmentId, notice.Message,
                Recipients = notice.Recipients.Count == 0 ? null : JsonSerializer.Serialize(notice.Recipients),
            },
            cancellationToken: ct));
    }

    /// <summary>The case's supervision notices, oldest first; empty when the case is outside the scope.</summary>
    public async Task<IReadOnlyList<SupervisionNotice>> ListSupervisionNoticesAsync(string caseId, DataScope scope, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { caseId });
        var rows = await connection.QueryAsync<NoticeRow>(new CommandDefinition(
            $"""
            SELECT {NoticeColumns}
            FROM supervision_notices n JOIN cases c ON c.id = n.case_id
            WHERE n.case_id = @caseId AND {ScopeFilter(scope, parameters)}
            ORDER BY n.issued_at, n.id
            """,
            parameters,
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToNotice())];
    }

    private static async Task<CaseRecord?> ReadCaseAsync(DbConnection connection, DbTransaction? transaction, string caseId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {CaseColumns} FROM cases c WHERE c.id = @caseId", new { caseId }, transaction, cancellationToken: ct));
        return row?.ToRecord();
    }

    private string ScopeFilter(DataScope scope, DynamicParameters parameters) => CaseScopeSql.Filter(Dialect, scope, parameters);

    private string In(string column, string name, IReadOnlyCollection<string> values, DynamicParameters parameters) =>
        CaseScopeSql.In(Dialect, column, name, values, parameters);

    private sealed class CaseRow
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

        public CaseRecord ToRecord() => new()
        {
            Id = Id,
            Number = Number,
            CategoryCode = CategoryCode,
            StreetId = StreetId,
            CommunityId = CommunityId,
            GridId = GridId,
            Channel = ChannelCode.TryParse(Channel, out var channel) ? channel : throw new InvalidOperationException($"case {Id} has unknown channel '{Channel}'"),
            Severity = SeverityCode.TryParse(Severity, out var severity) ? severity : throw new InvalidOperationException($"case {Id} has unknown severity '{Severity}'"),
            Status = Enum.Parse<CaseStatus>(Status),
            ClusterSize = ClusterSize,
            LeadDepartmentId = LeadDepartmentId,
            ProcessInstanceId = ProcessInstanceId,
            Description = Description,
            Address = Address,
            Point = Latitude is { } latitude && Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null,
            ReporterMasked = ReporterDisplay,
            IsKeyCase = IsKeyCase,
            OpenedAt = SqlValues.ReadInstant(OpenedAt)!.Value,
            DueAt = SqlValues.ReadInstant(DueAt),
            ClosedAt = SqlValues.ReadInstant(ClosedAt),
        };
    }

    private sealed class FactsRow
    {
        public string Id { get; set; } = "";

        public string CategoryCode { get; set; } = "";

        public string? StreetId { get; set; }

        public string? CommunityId { get; set; }

        public string? GridId { get; set; }

        public string? LeadDepartmentId { get; set; }

        public object? ReportedAt { get; set; }

        public object? FirstDispatchedAt { get; set; }

        public object? DueAt { get; set; }

        public object? CompletedAt { get; set; }

        public object? ClosedAt { get; set; }

        public int DispatchCount { get; set; }

        public int ReturnCount { get; set; }

        public int SendBackCount { get; set; }

        public int ReopenCount { get; set; }

        public bool? CitizenSatisfied { get; set; }

        public bool AutoDispatched { get; set; }

        public CaseFacts ToFacts() => new()
        {
            CaseId = Id,
            CategoryCode = CategoryCode,
            AreaId = StreetId ?? CommunityId ?? GridId ?? "",
            DepartmentId = LeadDepartmentId,
            ReportedAt = SqlValues.ReadInstant(ReportedAt)!.Value,
            FirstDispatchedAt = SqlValues.ReadInstant(FirstDispatchedAt),
            DueAt = SqlValues.ReadInstant(DueAt),
            CompletedAt = SqlValues.ReadInstant(CompletedAt),
            ClosedAt = SqlValues.ReadInstant(ClosedAt),
            DispatchCount = DispatchCount,
            ReturnCount = ReturnCount,
            SendBackCount = SendBackCount,
            ReopenCount = ReopenCount,
            CitizenSatisfied = CitizenSatisfied,
            AutoDispatched = AutoDispatched,
        };
    }

    private const string NoticeColumns = """
        n.case_id AS CaseId, n.tier AS Tier, n.issued_at AS IssuedAt, n.issued_by AS IssuedBy, n.department_id AS DepartmentId,
        n.message AS Message, n.recipients AS Recipients
        """;

    private class NoticeRow
    {
        public string CaseId { get; set; } = "";

        public string Tier { get; set; } = "";

        public object? IssuedAt { get; set; }

        public string IssuedBy { get; set; } = "";

        public string? DepartmentId { get; set; }

        public string Message { get; set; } = "";

        public string? Recipients { get; set; }

        public SupervisionNotice ToNotice() => new()
        {
            CaseId = CaseId,
            Tier = Enum.Parse<Cases.Supervision.WarningTier>(Tier),
            IssuedAt = SqlValues.ReadInstant(IssuedAt)!.Value,
            IssuedBy = IssuedBy,
            DepartmentId = DepartmentId,
            Message = Message,
            Recipients = Recipients is null ? [] : JsonSerializer.Deserialize<List<string>>(Recipients) ?? [],
        };
    }
}

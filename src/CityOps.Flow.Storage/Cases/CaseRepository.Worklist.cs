using System.Text;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// Every open task meeting <paramref name="criteria"/>, in its order, each with its due date and its case's first
    /// dispatch: one query over the task and case indexes returning three small columns a task, so a district
    /// dispatcher's tens of thousands of tasks are listed without reading a single case in full.
    /// </summary>
    public async Task<IReadOnlyList<WorklistEntry>> ListWorklistAsync(WorklistCriteria criteria, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters();
        var sql = $"""
            SELECT t.id AS TaskId, t.instance_id AS InstanceId, t.due_date AS DueDate, c.first_dispatched_at AS DispatchedAt
            FROM user_tasks t JOIN cases c ON c.process_instance_id = t.instance_id
            {WorklistWhere(criteria, parameters)}
            ORDER BY {WorklistOrderBy(criteria.Order)}
            """;
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<WorklistRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return rows.Select(r => new WorklistEntry(Guid.Parse(r.TaskId), Guid.Parse(r.InstanceId), SqlValues.ReadInstant(r.DueDate), SqlValues.ReadInstant(r.DispatchedAt))).ToList();
    }

    /// <summary>How many open tasks meet <paramref name="criteria"/> (the navigation's count).</summary>
    public async Task<int> CountWorklistAsync(WorklistCriteria criteria, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters();
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM user_tasks t JOIN cases c ON c.process_instance_id = t.instance_id {WorklistWhere(criteria, parameters)}",
            parameters,
            cancellationToken: ct));
    }

    private string WorklistWhere(WorklistCriteria criteria, DynamicParameters parameters)
    {
        parameters.Add("user", criteria.UserId);
        parameters.Add("processId", criteria.ProcessId);
        var offered = new StringBuilder("SELECT id FROM user_tasks WHERE assignee = @user UNION SELECT task_id FROM user_task_candidate_users WHERE user_id = @user");
        if (criteria.Groups.Count > 0)
        {
            offered.Append($" UNION SELECT task_id FROM user_task_candidate_groups WHERE {In("group_name", "groups", criteria.Groups, parameters)}");
        }

        var where = new StringBuilder($"WHERE t.id IN ({offered}) AND t.process_id = @processId");
        if (criteria.HeldByUser)
        {
            where.Append(" AND t.assignee = @user");
        }

        if (criteria.CategoryPrefix is { Length: > 0 } category)
        {
            where.Append(" AND c.category_code LIKE @category");
            parameters.Add("category", category.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%");
        }

        if (criteria.AreaIds is { } areaIds)
        {
            where.Append($" AND ({In("c.street_id", "areas", areaIds, parameters)} OR {In("c.community_id", "areas", areaIds, parameters)} OR {In("c.grid_id", "areas", areaIds, parameters)})");
        }

        if (criteria.MinPriority is { } min)
        {
            where.Append(" AND t.priority >= @minPriority");
            parameters.Add("minPriority", min);
        }

        if (criteria.PriorityBelow is { } below)
        {
            where.Append(" AND t.priority < @priorityBelow");
            parameters.Add("priorityBelow", below);
        }

        return where.ToString();
    }

    private static string WorklistOrderBy(WorklistOrder order)
    {
        const string byDue = "CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.priority DESC, t.created_at, t.id";
        return order switch
        {
            WorklistOrder.Priority => "t.priority DESC, " + byDue,
            WorklistOrder.Newest => "t.created_at DESC, t.id",
            WorklistOrder.Oldest => "t.created_at, t.id",
            _ => byDue,
        };
    }

    private sealed class WorklistRow
    {
        public string TaskId { get; set; } = "";

        public string InstanceId { get; set; } = "";

        public object? DueDate { get; set; }

        public object? DispatchedAt { get; set; }
    }
}

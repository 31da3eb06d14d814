using System.Text;
using CityOps.Flow.Cases.Supervision;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// A page of the open tasks meeting <paramref name="criteria"/> (only those in <paramref name="dueState"/> when
    /// given), in its order, with the count of every due state at <paramref name="now"/>. The due state is the task's
    /// own: overdue once its due date has passed, near due once its follow-up date has
    /// (<see cref="CaseDeadline.TaskStateAt"/>), so the database counts, filters and pages, and a district dispatcher's
    /// tens of thousands of tasks are never read to show one page of them.
    /// </summary>
    public async Task<WorklistSlice> QueryWorklistAsync(
        WorklistCriteria criteria, DateTimeOffset now, DueState? dueState, int offset, int limit, CancellationToken ct = default)
    {
        var parameters = new DynamicParameters();
        parameters.Add("now", Instant(now));
        var from = $"FROM user_tasks t JOIN cases c ON c.process_instance_id = t.instance_id {WorklistWhere(criteria, parameters)}";
        var state = $"""
            CASE WHEN t.due_date IS NULL THEN {(int)DueState.None} WHEN t.due_date <= @now THEN {(int)DueState.Overdue}
            WHEN t.follow_up_date <= @now THEN {(int)DueState.NearDue} ELSE {(int)DueState.OnTime} END
            """;
        await using var connection = await connections.OpenAsync(ct);
        var counts = (await connection.QueryAsync<(long State, long Tasks)>(new CommandDefinition(
                $"SELECT {state} AS State, COUNT(*) AS Tasks {from} GROUP BY 1", parameters, cancellationToken: ct)))
            .ToDictionary(r => (DueState)r.State, r => (int)r.Tasks);
        var dueCounts = Enum.GetValues<DueState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));

        parameters.Add("offset", Math.Max(0, offset));
        parameters.Add("limit", limit);
        var chosen = "";
        if (dueState is { } wanted)
        {
            chosen = $" AND {state} = @dueState";
            parameters.Add("dueState", (int)wanted);
        }

        var rows = await connection.QueryAsync<(string TaskId, string InstanceId)>(new CommandDefinition(
            $"SELECT t.id AS TaskId, t.instance_id AS InstanceId {from}{chosen} ORDER BY {WorklistOrderBy(criteria.Order)} LIMIT @limit OFFSET @offset",
            parameters,
            cancellationToken: ct));
        var page = rows.Select(r => new WorklistEntry(Guid.Parse(r.TaskId), Guid.Parse(r.InstanceId))).ToList();
        return new WorklistSlice(page, dueCounts, dueState is { } only ? dueCounts[only] : dueCounts.Values.Sum());
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

        var reach = $"t.id IN ({offered})";
        if (criteria.AreaBoundGroups.Count > 0 && criteria.ScopeAreaIds.Count > 0)
        {
            reach = $"({reach} OR (t.id IN (SELECT task_id FROM user_task_candidate_groups WHERE {In("group_name", "areaGroups", criteria.AreaBoundGroups, parameters)})"
                + $" AND ({In("c.street_id", "scope", criteria.ScopeAreaIds, parameters)} OR {In("c.community_id", "scope", criteria.ScopeAreaIds, parameters)}"
                + $" OR {In("c.grid_id", "scope", criteria.ScopeAreaIds, parameters)})))";
        }

        var where = new StringBuilder($"WHERE {reach} AND t.process_id = @processId");
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
}

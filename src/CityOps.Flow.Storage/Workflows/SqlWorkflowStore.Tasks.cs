using System.Globalization;
using System.Text;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Storage;

public sealed partial class SqlWorkflowStore
{
    private const string TaskColumns = """
        t.id AS Id, t.instance_id AS InstanceId, t.token_id AS TokenId, t.element_id AS ElementId, t.process_id AS ProcessId,
        t.process_version AS ProcessVersion, t.name AS Name, t.assignee AS Assignee, t.candidate_groups AS CandidateGroups,
        t.candidate_users AS CandidateUsers, t.due_date AS DueDate, t.follow_up_date AS FollowUpDate, t.priority AS Priority,
        t.form_key AS FormKey, t.created_at AS CreatedAt
        """;

    public UserTaskRecord? FindTask(Guid taskId)
    {
        using var connection = connections.Open();
        return PositionalSql.Query(connection, $"SELECT {TaskColumns}, 1 FROM user_tasks t WHERE t.id = $1", [Id(taskId)], TaskRow.Read)
            .SingleOrDefault()?.ToRecord();
    }

    public TaskPage QueryTasks(TaskQuery query)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var values = new List<object?>();
        string Value(object? value)
        {
            values.Add(value);
            return "$" + values.Count.ToString(CultureInfo.InvariantCulture);
        }

        if (query.InstanceId is { } instanceId)
        {
            where.Append(" AND t.instance_id = ").Append(Value(Id(instanceId)));
        }

        if (query.Assignee is { } assignee)
        {
            where.Append(" AND t.assignee = ").Append(Value(assignee));
        }

        if (query.UnassignedOnly)
        {
            where.Append(" AND t.assignee IS NULL");
        }

        if (query.CandidateGroups.Count > 0)
        {
            var groups = connections.Dialect == SqlDialect.Postgres
                ? "= ANY(" + Value(query.CandidateGroups.ToArray()) + ")"
                : "IN (" + string.Join(", ", query.CandidateGroups.Select(g => Value(g))) + ")";
            where.Append(" AND EXISTS (SELECT 1 FROM user_task_candidate_groups g WHERE g.task_id = t.id AND g.group_name ").Append(groups).Append(')');
        }

        if (query.CandidateUser is { } user)
        {
            var u = Value(user);
            where.Append(" AND (t.assignee = ").Append(u)
                .Append(" OR EXISTS (SELECT 1 FROM user_task_candidate_users u WHERE u.task_id = t.id AND u.user_id = ").Append(u).Append("))");
        }

        if (query.DueFrom is { } dueFrom)
        {
            where.Append(" AND t.due_date >= ").Append(Value(Instant(dueFrom)));
        }

        if (query.DueBefore is { } dueBefore)
        {
            where.Append(" AND t.due_date < ").Append(Value(Instant(dueBefore)));
        }

        var filters = values.ToList();
        var limit = Value(query.Limit);
        var offset = Value(query.Offset);

        // One statement: the page and, on every row, the count of all matches. Only a page past the end (or of no
        // rows) has no row to carry the count, and only then is it counted on its own.
        using var connection = connections.Open();
        var rows = PositionalSql.Query(
            connection,
            $"""
            SELECT {TaskColumns}, COUNT(*) OVER () FROM user_tasks t {where}
            ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.priority DESC, t.created_at, t.id
            LIMIT {limit} OFFSET {offset}
            """,
            values,
            TaskRow.Read);
        var total = rows.Count > 0
            ? rows[0].Total
            : query.Offset == 0 && query.Limit > 0
                ? 0
                : PositionalSql.Query(connection, $"SELECT COUNT(*) FROM user_tasks t {where}", filters, c => Convert.ToInt64(c(0), CultureInfo.InvariantCulture))[0];
        return new TaskPage(rows.Select(r => r.ToRecord()).ToList(), (int)total);
    }

    private sealed class TaskRow
    {
        /// <summary>A row of <see cref="TaskColumns"/> followed by the count of all matches.</summary>
        public static TaskRow Read(Func<int, object?> column) => new()
        {
            Id = (string)column(0)!,
            InstanceId = (string)column(1)!,
            TokenId = Convert.ToInt64(column(2), CultureInfo.InvariantCulture),
            ElementId = (string)column(3)!,
            ProcessId = (string)column(4)!,
            ProcessVersion = Convert.ToInt64(column(5), CultureInfo.InvariantCulture),
            Name = (string?)column(6),
            Assignee = (string?)column(7),
            CandidateGroups = (string)column(8)!,
            CandidateUsers = (string)column(9)!,
            DueDate = column(10),
            FollowUpDate = column(11),
            Priority = Convert.ToInt64(column(12), CultureInfo.InvariantCulture),
            FormKey = (string?)column(13),
            CreatedAt = column(14),
            Total = Convert.ToInt64(column(15), CultureInfo.InvariantCulture),
        };

        public string Id { get; set; } = "";

        public string InstanceId { get; set; } = "";

        public long TokenId { get; set; }

        public string ElementId { get; set; } = "";

        public string ProcessId { get; set; } = "";

        public long ProcessVersion { get; set; }

        public string? Name { get; set; }

        public string? Assignee { get; set; }

        public string CandidateGroups { get; set; } = "[]";

        public string CandidateUsers { get; set; } = "[]";

        public object? DueDate { get; set; }

        public object? FollowUpDate { get; set; }

        public long Priority { get; set; }

        public string? FormKey { get; set; }

        public object? CreatedAt { get; set; }

        public long Total { get; set; }

        public UserTaskRecord ToRecord() => new()
        {
            Id = Guid.Parse(Id),
            InstanceId = Guid.Parse(InstanceId),
            TokenId = TokenId,
            ElementId = ElementId,
            ProcessId = ProcessId,
            ProcessVersion = (int)ProcessVersion,
            Name = Name,
            Assignee = Assignee,
            CandidateGroups = WorkflowJson.Deserialize<string[]>(CandidateGroups),
            CandidateUsers = WorkflowJson.Deserialize<string[]>(CandidateUsers),
            DueDate = SqlValues.ReadInstant(DueDate),
            FollowUpDate = SqlValues.ReadInstant(FollowUpDate),
            Priority = (int)Priority,
            FormKey = FormKey,
            CreatedAt = ReadRequiredInstant(CreatedAt),
        };
    }
}

using System.Text;
using CityOps.Flow.Engine.Runtime.Tasks;
using Dapper;

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
        return connection.QuerySingleOrDefault<TaskRow>($"SELECT {TaskColumns} FROM user_tasks t WHERE t.id = @id", new { id = Id(taskId) })?.ToRecord();
    }

    public TaskPage QueryTasks(TaskQuery query)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (query.InstanceId is { } instanceId)
        {
            where.Append(" AND t.instance_id = @instanceId");
            parameters.Add("instanceId", Id(instanceId));
        }

        if (query.Assignee is { } assignee)
        {
            where.Append(" AND t.assignee = @assignee");
            parameters.Add("assignee", assignee);
        }

        if (query.UnassignedOnly)
        {
            where.Append(" AND t.assignee IS NULL");
        }

        if (query.CandidateGroups.Count > 0)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM user_task_candidate_groups g WHERE g.task_id = t.id AND {InList("g.group_name", "groups")})");
            parameters.Add("groups", query.CandidateGroups.ToArray());
        }

        if (query.CandidateUser is { } user)
        {
            where.Append(" AND (t.assignee = @user OR EXISTS (SELECT 1 FROM user_task_candidate_users u WHERE u.task_id = t.id AND u.user_id = @user))");
            parameters.Add("user", user);
        }

        if (query.DueFrom is { } dueFrom)
        {
            where.Append(" AND t.due_date >= @dueFrom");
            parameters.Add("dueFrom", Instant(dueFrom));
        }

        if (query.DueBefore is { } dueBefore)
        {
            where.Append(" AND t.due_date < @dueBefore");
            parameters.Add("dueBefore", Instant(dueBefore));
        }

        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);

        using var connection = connections.Open();
        var total = connection.ExecuteScalar<int>($"SELECT COUNT(*) FROM user_tasks t {where}", parameters);
        var items = connection.Query<TaskRow>(
                $"""
                SELECT {TaskColumns} FROM user_tasks t {where}
                ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, t.priority DESC, t.created_at, t.id
                LIMIT @limit OFFSET @offset
                """,
                parameters)
            .Select(r => r.ToRecord())
            .ToList();
        return new TaskPage(items, total);
    }

    private sealed class TaskRow
    {
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

using CityOps.Flow.Benchmarks.CaseSearch;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Benchmarks.Pages;

/// <summary>
/// The open work of a district with a year of cases: every generated case still open gets a case-lifecycle instance
/// and the one task its status waits on (with its due date and follow-up date), offered to the group the lifecycle would offer it to (the street's
/// dispatchers to file or review, the lead department to handle, another department to assist, the callback desk).
/// </summary>
public static class InboxTasks
{
    public const string LifecycleProcessId = "case-lifecycle";

    /// <summary>The case with the workflow instance it runs under when it is open; the instance and its task are written by <see cref="Load"/>.</summary>
    public static GeneratedCase WithInstance(GeneratedCase generated) =>
        generated.Status == "Closed" ? generated : generated with { ProcessInstanceId = InstanceId(generated).ToString("D") };

    /// <summary>Writes the instance row, the task and its candidate group of every open case; returns how many.</summary>
    public static int Load(SqliteConnection connection, IEnumerable<GeneratedCase> cases, int processVersion, IReadOnlyList<string> departments, WorkingTimeCalendar calendar)
    {
        using var transaction = connection.BeginTransaction();
        var written = 0;
        foreach (var batch in cases.Where(c => c.ProcessInstanceId is not null).Chunk(5_000))
        {
            connection.Execute(
                """
                INSERT INTO workflow_instances (id, version, process_id, process_version, business_key, status, started_at)
                VALUES (@Id, 1, @ProcessId, @Version, @CaseId, 'Active', @StartedAt)
                """,
                batch.Select(c => new { Id = c.ProcessInstanceId, ProcessId = LifecycleProcessId, Version = processVersion, CaseId = c.Id, StartedAt = GeneratedCases.SqliteInstant(c.OpenedAt) }),
                transaction);
            var tasks = batch.Select(c => Task(c, departments, calendar)).ToList();
            connection.Execute(
                """
                INSERT INTO user_tasks (id, instance_id, token_id, element_id, process_id, process_version, name, assignee,
                    candidate_groups, candidate_users, due_date, follow_up_date, priority, created_at)
                VALUES (@Id, @InstanceId, 2, @ElementId, @ProcessId, @Version, @Name, NULL, @GroupsJson, '[]', @DueDate, @FollowUpDate, @Priority, @CreatedAt)
                """,
                tasks.Select(t => new { t.Id, t.InstanceId, t.ElementId, ProcessId = LifecycleProcessId, Version = processVersion, t.Name, t.GroupsJson, t.DueDate, t.FollowUpDate, t.Priority, t.CreatedAt }),
                transaction);
            connection.Execute(
                "INSERT INTO user_task_candidate_groups (group_name, task_id) VALUES (@Group, @Id)",
                tasks.Select(t => new { t.Group, t.Id }),
                transaction);
            written += batch.Length;
        }

        transaction.Commit();
        return written;
    }

    private static Guid InstanceId(GeneratedCase generated)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, generated.RowId);
        bytes[15] = 0x42;
        return new Guid(bytes);
    }

    private static TaskRow Task(GeneratedCase c, IReadOnlyList<string> departments, WorkingTimeCalendar calendar)
    {
        var (element, name, group) = c.Status switch
        {
            "Reported" or "Filed" => ("FileCase", "立案派遣 Dispatcher files the case", "dispatch:" + c.StreetId),
            "AwaitingReview" => ("ReviewResult", "结案审核 Dispatcher reviews the result", "dispatch:" + c.StreetId),
            "AwaitingCallback" => ("CallBack", "回访 Citizen callback", "callback"),
            "JointHandling" => ("AssistCase", "协办 Assisting departments help", "dept:" + departments[(int)(c.RowId % departments.Count)]),
            _ => ("HandleCase", "主办处置 Lead department handles", "dept:" + c.DepartmentId),
        };
        var id = InstanceId(c);
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        bytes[15] = 0x43;
        return new TaskRow(
            new Guid(bytes).ToString("D"),
            id.ToString("D"),
            element,
            name,
            group,
            "[\"" + group + "\"]",
            GeneratedCases.SqliteInstant(c.DueAt),
            // As the lifecycle sets it: where three quarters of the limit's working time is used.
            GeneratedCases.SqliteInstant(calendar.AddWorkingTime(c.OpenedAt, calendar.WorkingTimeBetween(c.OpenedAt, c.DueAt) * CaseDeadline.NearDueFraction)),
            (int)(c.RowId % 4) * 25,
            GeneratedCases.SqliteInstant(c.OpenedAt.AddMinutes(5)));
    }

    private sealed record TaskRow(string Id, string InstanceId, string ElementId, string Name, string Group, string GroupsJson, string DueDate, string FollowUpDate, int Priority, string CreatedAt);
}

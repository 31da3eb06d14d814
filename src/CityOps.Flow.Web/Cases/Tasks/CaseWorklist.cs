using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// A person's inbox: the open case-lifecycle tasks assigned or offered to them and offered to their candidate groups
/// (<see cref="TaskGroups"/>), each with its case, its due state in working time (<see cref="CaseDeadline.StateAt"/>,
/// from the case's first dispatch to the task's due date) and its priority level; filtered, sorted and paged.
/// </summary>
/// <remarks>
/// The due state depends on the calendar and the moment, so it cannot be an index: a person's open tasks are read
/// (at most <see cref="TaskCap"/> per source, a department's whole backlog), measured, then filtered and paged here.
/// </remarks>
public sealed class CaseWorklist(WorkflowEngine engine, CaseRepository repository, CityAreasSource areas, WorkingTimeCalendar calendar, TimeProvider clock)
{
    /// <summary>The most open tasks read for one person from each source (their own, their groups').</summary>
    public const int TaskCap = 5000;

    public async Task<WorklistPage> QueryAsync(TaskActor actor, WorklistQuery query, CancellationToken ct = default)
    {
        var open = await OpenItemsAsync(actor, ct);
        var areaIds = query.AreaId is { Length: > 0 } areaId ? (await areas.GetAsync(ct)).Subtree(areaId).ToHashSet(StringComparer.Ordinal) : null;
        var matching = open.Where(item =>
                (!query.HeldByMe || item.Task.Assignee == actor.UserId)
                && (query.CategoryCode is not { Length: > 0 } category || item.Case.Case.CategoryCode.StartsWith(category, StringComparison.Ordinal))
                && (areaIds is null || InArea(item.Case.Case, areaIds))
                && (query.Priority is not { } priority || item.PriorityLevel == priority))
            .ToList();
        var dueCounts = Enum.GetValues<DueState>().ToDictionary(state => state, state => matching.Count(item => item.DueState == state));
        if (query.DueState is { } due)
        {
            matching = matching.Where(item => item.DueState == due).ToList();
        }

        var limit = Math.Clamp(query.Limit, 1, WorklistQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var page = Sorted(matching, query.Sort).Skip(offset).Take(limit).ToList();
        return new WorklistPage(page, matching.Count, offset, limit, dueCounts, open.Count);
    }

    /// <summary>How many open tasks the person has, for the navigation's count; tasks only, their cases are not read.</summary>
    public int Count(TaskActor actor) => OpenTasks(actor).Count;

    /// <summary>Every open task of the person, described.</summary>
    public async Task<IReadOnlyList<WorklistItem>> OpenItemsAsync(TaskActor actor, CancellationToken ct = default)
    {
        var tasks = OpenTasks(actor);
        var cases = (await repository.ListByProcessInstancesAsync(tasks.Select(t => t.InstanceId.ToString()).ToList(), ct))
            .Where(c => c.Case.ProcessInstanceId is not null)
            .ToDictionary(c => c.Case.ProcessInstanceId!, StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        return tasks
            .Where(t => cases.ContainsKey(t.InstanceId.ToString()))
            .Select(t => Describe(t, cases[t.InstanceId.ToString()], now))
            .ToList();
    }

    /// <summary>The case with the time its limit started running, for describing its tasks.</summary>
    public async Task<TaskCase> CaseOfAsync(CaseRecord found, CancellationToken ct = default) =>
        found.ProcessInstanceId is { } instanceId && await repository.ListByProcessInstancesAsync([instanceId], ct) is [var one]
            ? one
            : new TaskCase(found, null);

    /// <summary>The task with its case, measured at <paramref name="now"/>.</summary>
    public WorklistItem Describe(UserTaskRecord task, TaskCase taskCase, DateTimeOffset now) =>
        new(task, taskCase, CaseDeadline.StateAt(calendar, taskCase.DispatchedAt, task.DueDate, now), TaskPriority.LevelOf(task.Priority));

    private List<UserTaskRecord> OpenTasks(TaskActor actor)
    {
        var found = new List<UserTaskRecord>(engine.QueryTasks(new TaskQuery { CandidateUser = actor.UserId, Limit = TaskCap }).Items);
        if (actor.Groups.Count > 0)
        {
            found.AddRange(engine.QueryTasks(new TaskQuery { CandidateGroups = actor.Groups, Limit = TaskCap }).Items);
        }

        return found.Where(t => t.ProcessId == CaseIntake.LifecycleProcessId).DistinctBy(t => t.Id).ToList();
    }

    private static bool InArea(CaseRecord found, HashSet<string> areaIds) =>
        (found.StreetId is { } street && areaIds.Contains(street))
        || (found.CommunityId is { } community && areaIds.Contains(community))
        || (found.GridId is { } grid && areaIds.Contains(grid));

    private static IEnumerable<WorklistItem> Sorted(IEnumerable<WorklistItem> items, WorklistSort sort) => sort switch
    {
        WorklistSort.Priority => items.OrderBy(i => i.PriorityLevel).ThenBy(i => i.Task, TaskOrder.Instance),
        WorklistSort.Newest => items.OrderByDescending(i => i.Task.CreatedAt).ThenBy(i => i.Task.Id),
        WorklistSort.Oldest => items.OrderBy(i => i.Task.CreatedAt).ThenBy(i => i.Task.Id),
        _ => items.OrderBy(i => Urgency(i.DueState)).ThenBy(i => i.Task, TaskOrder.Instance),
    };

    private static int Urgency(DueState state) => state switch
    {
        DueState.Overdue => 0,
        DueState.NearDue => 1,
        DueState.OnTime => 2,
        _ => 3,
    };
}

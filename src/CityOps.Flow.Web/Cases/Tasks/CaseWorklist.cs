using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// A person's inbox: the open case-lifecycle tasks assigned or offered to them and offered to their candidate groups
/// (<see cref="TaskGroups"/>), each with its case, its due state in working time (<see cref="CaseDeadline.StateAt"/>,
/// from the case's first dispatch to the task's due date) and its priority level; filtered, sorted and paged.
/// </summary>
/// <remarks>
/// Category, area, priority and holder filter and the order are applied by the database; the due state depends on the
/// calendar and the moment, so it is measured here over the matching tasks' due dates and dispatch times (small rows),
/// and only the page shown is read in full.
/// </remarks>
public sealed class CaseWorklist(IWorkflowStore store, CaseRepository repository, CityAreasSource areas, WorkingTimeCalendar calendar, TimeProvider clock)
{
    public async Task<WorklistPage> QueryAsync(TaskActor actor, WorklistQuery query, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(actor, query, ct);
        var now = clock.GetUtcNow();
        var matching = (await repository.ListWorklistAsync(criteria, ct))
            .Select(entry => (Entry: entry, State: CaseDeadline.StateAt(calendar, entry.DispatchedAt, entry.DueDate, now)))
            .ToList();
        var dueCounts = Enum.GetValues<DueState>().ToDictionary(state => state, state => matching.Count(m => m.State == state));
        if (query.DueState is { } due)
        {
            matching = matching.Where(m => m.State == due).ToList();
        }

        var limit = Math.Clamp(query.Limit, 1, WorklistQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var shown = matching.Skip(offset).Take(limit).ToList();
        var everything = IsUnfiltered(query) ? dueCounts.Values.Sum() : await repository.CountWorklistAsync(Everything(actor), ct);
        return new WorklistPage(await DescribeAsync(shown.Select(m => m.Entry).ToList(), now, ct), matching.Count, offset, limit, dueCounts, everything);
    }

    /// <summary>How many open tasks the person has, for the navigation's count.</summary>
    public async Task<int> CountAsync(TaskActor actor, CancellationToken ct = default) =>
        await repository.CountWorklistAsync(Everything(actor), ct);

    /// <summary>The case with the time its limit started running, for describing its tasks.</summary>
    public async Task<TaskCase> CaseOfAsync(CaseRecord found, CancellationToken ct = default) =>
        found.ProcessInstanceId is { } instanceId && await repository.ListByProcessInstancesAsync([instanceId], ct) is [var one]
            ? one
            : new TaskCase(found, null);

    /// <summary>The task with its case, measured at <paramref name="now"/>.</summary>
    public WorklistItem Describe(UserTaskRecord task, TaskCase taskCase, DateTimeOffset now) =>
        new(task, taskCase, CaseDeadline.StateAt(calendar, taskCase.DispatchedAt, task.DueDate, now), TaskPriority.LevelOf(task.Priority));

    private async Task<IReadOnlyList<WorklistItem>> DescribeAsync(IReadOnlyList<WorklistEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        var cases = (await repository.ListByProcessInstancesAsync(entries.Select(e => e.InstanceId.ToString()).ToList(), ct))
            .ToDictionary(c => c.Case.ProcessInstanceId!, StringComparer.OrdinalIgnoreCase);
        var items = new List<WorklistItem>(entries.Count);
        foreach (var entry in entries)
        {
            // A task completed since the list was read is left out of the page rather than shown stale.
            if (store.FindTask(entry.TaskId) is { } task && cases.TryGetValue(entry.InstanceId.ToString(), out var taskCase))
            {
                items.Add(Describe(task, taskCase, now));
            }
        }

        return items;
    }

    private async Task<WorklistCriteria> CriteriaAsync(TaskActor actor, WorklistQuery query, CancellationToken ct)
    {
        var (minPriority, priorityBelow) = query.Priority is { } level ? TaskPriority.RangeOf(level) : (int.MinValue, int.MaxValue);
        return Everything(actor) with
        {
            CategoryPrefix = query.CategoryCode,
            AreaIds = query.AreaId is { Length: > 0 } areaId
                ? (await areas.GetAsync(ct)).Subtree(areaId).Where(id => Reach(actor) is not { } reach || reach.Contains(id)).ToList()
                : Reach(actor),
            MinPriority = minPriority == int.MinValue ? null : minPriority,
            PriorityBelow = priorityBelow == int.MaxValue ? null : priorityBelow,
            HeldByUser = query.HeldByMe,
            Order = query.Sort switch
            {
                WorklistSort.Priority => WorklistOrder.Priority,
                WorklistSort.Newest => WorklistOrder.Newest,
                WorklistSort.Oldest => WorklistOrder.Oldest,
                _ => WorklistOrder.Due,
            },
        };
    }

    private static WorklistCriteria Everything(TaskActor actor) =>
        new() { UserId = actor.UserId, Groups = actor.Groups, ProcessId = CaseIntake.LifecycleProcessId, AreaIds = Reach(actor) };

    /// <summary>
    /// Groups such as <c>supervisors</c>, <c>callback</c> and <c>triage</c> span the district, so a person who works
    /// for an area (not a department, not the district centre) sees only the tasks of cases in that area.
    /// </summary>
    private static IReadOnlyList<string>? Reach(TaskActor actor) =>
        actor.Scope.AreaIds.Count > 0 && !actor.Groups.Any(g => g.StartsWith("dept:", StringComparison.Ordinal) || g == TaskGroups.District)
            ? [.. actor.Scope.AreaIds]
            : null;

    private static bool IsUnfiltered(WorklistQuery query) =>
        query.CategoryCode is not { Length: > 0 } && query.AreaId is not { Length: > 0 } && query.Priority is null && !query.HeldByMe;
}

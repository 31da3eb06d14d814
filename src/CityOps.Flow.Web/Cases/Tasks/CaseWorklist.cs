using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// A person's inbox: the open case-lifecycle tasks assigned or offered to them and offered to their candidate groups
/// (<see cref="TaskGroups"/>), each with its case, its due state in working time and its priority level; filtered,
/// sorted and paged.
/// </summary>
/// <remarks>
/// The lifecycle gives each task with a limit a due date and a follow-up date at the near-due point, both measured in
/// working time when the task is created, so the due state at any moment is two comparisons
/// (<see cref="CaseDeadline.TaskStateAt"/>): the database filters, counts and pages by it, and only the page shown is
/// read in full.
/// </remarks>
public sealed class CaseWorklist(IWorkflowStore store, CaseRepository repository, CityAreasSource areas, TimeProvider clock)
{
    public async Task<WorklistPage> QueryAsync(TaskActor actor, WorklistQuery query, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(actor, query, ct);
        var now = clock.GetUtcNow();
        var limit = Math.Clamp(query.Limit, 1, WorklistQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var slice = await repository.QueryWorklistAsync(criteria, now, query.DueState, offset, limit, ct);
        var everything = IsUnfiltered(query) ? slice.DueCounts.Values.Sum() : await repository.CountWorklistAsync(Everything(actor), ct);
        return new WorklistPage(await DescribeAsync(slice.Page, now, ct), slice.Total, offset, limit, slice.DueCounts, everything);
    }

    /// <summary>How many open tasks the person has, for the navigation's count.</summary>
    public async Task<int> CountAsync(TaskActor actor, CancellationToken ct = default) =>
        await repository.CountWorklistAsync(Everything(actor), ct);

    /// <summary>The task with its case, measured at <paramref name="now"/>.</summary>
    public WorklistItem Describe(UserTaskRecord task, CaseRecord found, DateTimeOffset now) =>
        new(task, found, CaseDeadline.TaskStateAt(task.DueDate, task.FollowUpDate, now), TaskPriority.LevelOf(task.Priority));

    private async Task<IReadOnlyList<WorklistItem>> DescribeAsync(IReadOnlyList<WorklistEntry> entries, DateTimeOffset now, CancellationToken ct)
    {
        var cases = (await repository.ListByProcessInstancesAsync(entries.Select(e => e.InstanceId.ToString()).ToList(), ct))
            .ToDictionary(c => c.ProcessInstanceId!, StringComparer.OrdinalIgnoreCase);
        var items = new List<WorklistItem>(entries.Count);
        foreach (var entry in entries)
        {
            // A task completed since the list was read is left out of the page rather than shown stale.
            if (store.FindTask(entry.TaskId) is { } task && cases.TryGetValue(entry.InstanceId.ToString(), out var found))
            {
                items.Add(Describe(task, found, now));
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
            AreaIds = query.AreaId is { Length: > 0 } areaId ? (await areas.GetAsync(ct)).Subtree(areaId) : null,
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

    /// <summary>
    /// Groups such as <c>supervisors</c>, <c>callback</c> and <c>triage</c> span the district, so a task offered to one
    /// reaches only those whose area holds its case. A task held by or offered to the person, to their department or
    /// to a dispatch desk of theirs is theirs wherever the case lies: an assisting department reaches a case it does
    /// not lead through its task, the district centre takes the cases no street holds, and a street's desk
    /// (<c>dispatch:&lt;streetId&gt;</c>) names its area itself, so its tasks need no area check: a district
    /// dispatcher's tens of thousands of tasks are listed from the task tables and their index alone.
    /// </summary>
    private static WorklistCriteria Everything(TaskActor actor) => new()
    {
        UserId = actor.UserId,
        Groups = actor.Groups.Where(IsAnywhereGroup).ToList(),
        AreaBoundGroups = actor.Groups.Where(g => !IsAnywhereGroup(g)).ToList(),
        ScopeAreaIds = actor.Scope.AreaIds.ToList(),
        ProcessId = CaseIntake.LifecycleProcessId,
    };

    private static bool IsAnywhereGroup(string group) =>
        group.StartsWith("dept:", StringComparison.Ordinal) || group.StartsWith(TaskGroups.DispatchPrefix, StringComparison.Ordinal);

    private static bool IsUnfiltered(WorklistQuery query) =>
        query.CategoryCode is not { Length: > 0 } && query.AreaId is not { Length: > 0 } && query.Priority is null && !query.HeldByMe;
}

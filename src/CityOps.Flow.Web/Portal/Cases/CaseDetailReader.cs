using System.Globalization;
using System.Security.Claims;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using Microsoft.Extensions.Localization;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// Reads a case for its page: the case and its cluster's reports, its events and notices from case storage, and its
/// workflow instance's history, folded once into the tasks, the timeline and the position on the diagram.
/// </summary>
public sealed class CaseDetailReader(
    CaseRepository cases,
    CaseScopes scopes,
    CaseAttachments attachments,
    WorkflowEngine engine,
    ProcessModels models,
    CaseVocabulary vocabulary,
    UserRepository users,
    WorkingTimeCalendar calendar,
    TimeProvider clock,
    IStringLocalizer<CasesText> text)
{
    /// <summary>The case as the caller may see it; null when it is unknown or outside their scope.</summary>
    public async Task<CaseDetail?> ReadAsync(string caseId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        if (await cases.GetAsync(caseId, scope, ct) is not { } found)
        {
            return null;
        }

        await vocabulary.ReadyAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        // Dispatch and assistance notes name departments by id; people read their names.
        var events = (await cases.GetEventsAsync(caseId, scope, ct))
            .Select(e => e.Kind is CaseEventKind.Dispatched or CaseEventKind.AssistanceRequested && e.Note is { } note
                ? e with { Note = string.Join("、", note.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => vocabulary.DepartmentName(d, culture))) }
                : e)
            .ToList();
        var reports = await cases.ListReportsAsync(caseId, scope, ct);
        var notices = await cases.ListSupervisionNoticesAsync(caseId, scope, ct);
        var photos = await attachments.ListAsync(caseId, scope, ct) ?? [];

        IReadOnlyList<HistoryEvent> history = Guid.TryParse(found.ProcessInstanceId, out var instanceId) ? engine.History(instanceId) : [];
        var state = history.Count > 0 ? InstanceReplay.StateAt(history) : null;
        var model = state is null ? null : models.Find(state.ProcessId, state.ProcessVersion);
        var (open, finished) = Tasks(history, state, model, culture);
        var timeline = CaseTimelineBuilder.Build(found, events, history, model, calendar, culture, DescribeGroups);

        var actors = timeline.Select(e => e.Actor)
            .Concat(open.Concat(finished).SelectMany(t => new[] { t.Assignee, t.FinishedBy }))
            .Concat(notices.Select(n => n.IssuedBy))
            .OfType<string>()
            .Where(a => a is not (WorkflowEngine.SystemActor or "workflow"))
            .ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            var known = await users.FindByNormalizedUserNameAsync(actor.ToUpperInvariant(), ct) ?? await users.FindByIdAsync(actor, ct);
            if (known is not null)
            {
                names[actor] = known.DisplayName;
            }
        }

        var final = found.Status is CaseStatus.Closed or CaseStatus.Merged or CaseStatus.Cancelled;
        return new CaseDetail
        {
            Case = found,
            DueState = final ? DueState.None : CaseDeadline.StateAt(calendar, found.OpenedAt, found.DueAt, clock.GetUtcNow()),
            Timeline = timeline,
            Reports = reports,
            OpenTasks = open,
            FinishedTasks = finished,
            Notices = notices,
            Photos = photos,
            Diagram = state is null || model is null ? null : Diagram(state, history),
            ActorNames = names,
            MayRevealReporter = CaseScopes.PersonalDataRoles.Any(user.IsInRole),
        };
    }

    /// <summary>The BPMN XML of the process version the case's instance runs on; null when unknown, out of scope or without an instance.</summary>
    public async Task<ProcessModel?> ReadDiagramAsync(string caseId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var scope = await scopes.ForAsync(user, ct);
        if (await cases.GetAsync(caseId, scope, ct) is not { } found || !Guid.TryParse(found.ProcessInstanceId, out var instanceId))
        {
            return null;
        }

        return engine.FindInstance(instanceId) is { } state ? models.Find(state.ProcessId, state.ProcessVersion) : null;
    }

    private string DescribeGroups(IReadOnlyList<string> groups) =>
        string.Join("、", groups.Select(g => vocabulary.GroupName(g, key => text["Group." + key], CultureInfo.CurrentUICulture)));

    private static CaseDiagramState Diagram(ProcessInstanceState state, IReadOnlyList<HistoryEvent> history)
    {
        var active = state.Tokens.Values
            .Where(t => t.Id != ProcessInstanceState.RootTokenId && t.Phase != TokenPhase.Left)
            .Select(t => t.ElementId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var completed = history.OfType<ElementLeft>()
            .Where(e => e.Completed && e.ElementId is not null && e.ElementId != state.ProcessId)
            .Select(e => e.ElementId!)
            .Where(id => !active.Contains(id, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CaseDiagramState(state.ProcessId, state.ProcessVersion, active, completed);
    }

    private static (IReadOnlyList<CaseTaskLine> Open, IReadOnlyList<CaseTaskLine> Finished) Tasks(
        IReadOnlyList<HistoryEvent> history, ProcessInstanceState? state, ProcessModel? model, CultureInfo culture)
    {
        var lines = new Dictionary<Guid, CaseTaskLine>();
        foreach (var step in history)
        {
            switch (step)
            {
                case UserTaskCreated created:
                    lines[created.Task.Id] = new CaseTaskLine
                    {
                        Id = created.Task.Id,
                        ElementId = created.Task.ElementId,
                        Name = CaseFormatting.ModelName(created.Task.Name ?? model?.NameOf(created.Task.ElementId) ?? created.Task.ElementId, culture),
                        CandidateGroups = created.Task.CandidateGroups,
                        Assignee = created.Task.Assignee,
                        CreatedAt = created.Task.CreatedAt,
                        DueAt = created.Task.DueDate,
                    };
                    break;
                case TaskClaimed claimed when lines.TryGetValue(claimed.TaskId, out var line):
                    lines[claimed.TaskId] = line with { Assignee = claimed.UserId };
                    break;
                case TaskUnclaimed unclaimed when lines.TryGetValue(unclaimed.TaskId, out var line):
                    lines[unclaimed.TaskId] = line with { Assignee = null };
                    break;
                case TaskAssigned assigned when lines.TryGetValue(assigned.TaskId, out var line):
                    lines[assigned.TaskId] = line with { Assignee = assigned.Assignee };
                    break;
                case TaskCompleted completed when lines.TryGetValue(completed.TaskId, out var line):
                    lines[completed.TaskId] = line with { FinishedAt = completed.Time, FinishedBy = completed.Actor };
                    break;
                case TaskCancelled cancelled when lines.TryGetValue(cancelled.TaskId, out var line):
                    lines[cancelled.TaskId] = line with { FinishedAt = cancelled.Time, FinishedBy = cancelled.Actor, Cancelled = true };
                    break;
            }
        }

        var open = lines.Values.Where(l => l.FinishedAt is null && (state?.OpenTasks.ContainsKey(l.Id) ?? false)).OrderBy(l => l.CreatedAt).ToList();
        var finished = lines.Values.Where(l => l.FinishedAt is not null).OrderByDescending(l => l.FinishedAt).ToList();
        return (open, finished);
    }
}

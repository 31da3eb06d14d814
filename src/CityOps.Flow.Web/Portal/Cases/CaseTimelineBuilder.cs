using System.Globalization;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// Merges a case's domain events (reported, dispatched, accepted, returned ...) with its workflow history (tasks
/// opened, claimed, completed, cancelled; timers fired; escalations) into one timeline, oldest first, each step with
/// the working time used since the case opened against its limit.
/// </summary>
public static class CaseTimelineBuilder
{
    public static IReadOnlyList<TimelineEntry> Build(
        CaseRecord found,
        IReadOnlyList<CaseEvent> events,
        IReadOnlyList<HistoryEvent> history,
        ProcessModel? model,
        WorkingTimeCalendar calendar,
        CultureInfo culture,
        Func<IReadOnlyList<string>, string> describeGroups)
    {
        TimeSpan? limit = found.DueAt is { } due && due > found.OpenedAt ? calendar.WorkingTimeBetween(found.OpenedAt, due) : null;
        TimeSpan Used(DateTimeOffset at) => at > found.OpenedAt ? calendar.WorkingTimeBetween(found.OpenedAt, at) : TimeSpan.Zero;

        var steps = new List<(DateTimeOffset At, int Order, TimelineEntry Entry)>();
        foreach (var (caseEvent, index) in events.Select((e, i) => (e, i)))
        {
            steps.Add((caseEvent.At, index, new TimelineEntry
            {
                At = caseEvent.At,
                Actor = caseEvent.Actor,
                Step = "Step." + caseEvent.Kind,
                Note = caseEvent.Note,
                WorkingTimeUsed = Used(caseEvent.At),
                Limit = limit,
            }));
        }

        var taskNames = new Dictionary<Guid, string>();
        var order = events.Count;
        foreach (var step in history)
        {
            TimelineEntry? entry = step switch
            {
                UserTaskCreated created => Entry(step, "Step.TaskCreated", TaskName(created.Task.Name ?? model?.NameOf(created.Task.ElementId) ?? created.Task.ElementId),
                    note: created.Task.CandidateGroups.Count > 0 ? describeGroups(created.Task.CandidateGroups) : created.Task.Assignee),
                TaskClaimed claimed => Entry(step, "Step.TaskClaimed", taskNames.GetValueOrDefault(claimed.TaskId), actor: claimed.UserId),
                TaskCompleted completed => Entry(step, "Step.TaskCompleted", taskNames.GetValueOrDefault(completed.TaskId)),
                TaskCancelled cancelled => Entry(step, "Step.TaskCancelled", taskNames.GetValueOrDefault(cancelled.TaskId)),
                JobFired fired when model?.NameOf(step.ElementId) is { } timer => Entry(step, "Step.Timer", CaseFormatting.ModelName(timer, culture)),
                EscalationRaised raised => Entry(step, "Step.Escalated", CaseFormatting.ModelName(model?.NameOf(step.ElementId), culture) is { Length: > 0 } n ? n : raised.Code),
                _ => null,
            };
            if (step is UserTaskCreated opened)
            {
                taskNames[opened.Task.Id] = CaseFormatting.ModelName(opened.Task.Name ?? model?.NameOf(opened.Task.ElementId) ?? opened.Task.ElementId, culture);
            }

            if (entry is not null)
            {
                steps.Add((step.Time, order++, entry));
            }
        }

        return [.. steps.OrderBy(s => s.At).ThenBy(s => s.Order).Select(s => s.Entry)];

        string TaskName(string name) => CaseFormatting.ModelName(name, culture);

        TimelineEntry Entry(HistoryEvent step, string key, string? subject, string? note = null, string? actor = null) => new()
        {
            At = step.Time,
            Actor = actor ?? step.Actor,
            Step = key,
            Subject = subject,
            Note = note,
            WorkingTimeUsed = Used(step.Time),
            Limit = limit,
        };
    }
}

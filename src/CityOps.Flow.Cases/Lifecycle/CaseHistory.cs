using System.Collections.Frozen;

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>Projects a case's event history onto its current state through the transition table.</summary>
public static class CaseHistory
{
    private static readonly FrozenDictionary<CaseEventKind, CaseCommand> CommandOf = new Dictionary<CaseEventKind, CaseCommand>
    {
        [CaseEventKind.Filed] = CaseCommand.File,
        [CaseEventKind.Dispatched] = CaseCommand.Dispatch,
        [CaseEventKind.Assigned] = CaseCommand.Assign,
        [CaseEventKind.Accepted] = CaseCommand.Accept,
        [CaseEventKind.Returned] = CaseCommand.Return,
        [CaseEventKind.AssistanceRequested] = CaseCommand.RequestAssistance,
        [CaseEventKind.AssistanceFinished] = CaseCommand.FinishAssistance,
        [CaseEventKind.ExtensionRequested] = CaseCommand.RequestExtension,
        [CaseEventKind.SupervisionNoticeIssued] = CaseCommand.Supervise,
        [CaseEventKind.Completed] = CaseCommand.Complete,
        [CaseEventKind.ReviewAccepted] = CaseCommand.ReviewAccept,
        [CaseEventKind.ReviewSentBack] = CaseCommand.ReviewSendBack,
        [CaseEventKind.CallbackSatisfied] = CaseCommand.RecordCallbackSatisfied,
        [CaseEventKind.CallbackDissatisfied] = CaseCommand.RecordCallbackDissatisfied,
        [CaseEventKind.ClosedWithoutCallback] = CaseCommand.CloseWithoutCallback,
        [CaseEventKind.Reopened] = CaseCommand.Reopen,
        [CaseEventKind.Merged] = CaseCommand.Merge,
        [CaseEventKind.Cancelled] = CaseCommand.Cancel,
        [CaseEventKind.ReportJoined] = CaseCommand.JoinReport,
    }.ToFrozenDictionary();

    /// <summary>The command an event records; null for <see cref="CaseEventKind.Reported"/>, which starts a history.</summary>
    public static CaseCommand? CommandFor(CaseEventKind kind) => CommandOf.TryGetValue(kind, out var command) ? command : null;

    /// <summary>Folds the events in order; the first must be <see cref="CaseEventKind.Reported"/>.</summary>
    public static CaseProjection Project(IEnumerable<CaseEvent> events)
    {
        using var cursor = events.GetEnumerator();
        if (!cursor.MoveNext())
        {
            throw new ArgumentException("a case history has at least its Reported event", nameof(events));
        }

        var first = cursor.Current;
        var state = new CaseProjection { Status = CaseStatus.Reported, ReportedAt = first.At, EventCount = 1 };
        if (first.Kind != CaseEventKind.Reported)
        {
            return state with { Problem = $"event 1 ({first.Kind} at {first.At:O}): a case history must start with Reported" };
        }

        var number = 1;
        while (cursor.MoveNext())
        {
            number++;
            var e = cursor.Current;
            if (CommandFor(e.Kind) is not { } command)
            {
                return state with { Problem = $"event {number} ({e.Kind} at {e.At:O}): a case is reported only once" };
            }

            var outcome = CaseTransitions.Apply(state.Status, command);
            if (!outcome.Accepted)
            {
                return state with { Problem = $"event {number} ({e.Kind} at {e.At:O}): {outcome.Refusal}" };
            }

            state = Record(state with { Status = outcome.Status, EventCount = number }, e);
        }

        return state;
    }

    private static CaseProjection Record(CaseProjection state, CaseEvent e) => e.Kind switch
    {
        CaseEventKind.Filed => state with { FiledAt = state.FiledAt ?? e.At },
        CaseEventKind.Dispatched => state with
        {
            FirstDispatchedAt = state.FirstDispatchedAt ?? e.At,
            LastDispatchedAt = e.At,
            DispatchCount = state.DispatchCount + 1,
        },
        CaseEventKind.Returned => state with { ReturnCount = state.ReturnCount + 1 },
        CaseEventKind.AssistanceRequested => state with { AssistanceRequestCount = state.AssistanceRequestCount + 1 },
        CaseEventKind.ExtensionRequested => state with { ExtensionRequestCount = state.ExtensionRequestCount + 1 },
        CaseEventKind.Completed => state with { LastCompletedAt = e.At },
        CaseEventKind.ReviewSentBack => state with { SendBackCount = state.SendBackCount + 1 },
        CaseEventKind.CallbackSatisfied => state with { CitizenSatisfied = true, ClosedAt = e.At },
        CaseEventKind.CallbackDissatisfied => state with { CitizenSatisfied = false, ReopenCount = state.ReopenCount + 1 },
        CaseEventKind.ClosedWithoutCallback => state with { ClosedAt = e.At },
        CaseEventKind.Reopened => state with { ReopenCount = state.ReopenCount + 1, ClosedAt = null },
        CaseEventKind.ReportJoined => state with { JoinedReportCount = state.JoinedReportCount + 1 },
        _ => state,
    };
}

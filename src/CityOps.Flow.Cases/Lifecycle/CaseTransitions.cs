using System.Collections.Frozen;
using static CityOps.Flow.Cases.Lifecycle.CaseCommand;
using static CityOps.Flow.Cases.Lifecycle.CaseStatus;

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>The case status machine as a declarative table: which status allows which command, and where it leads.</summary>
public static class CaseTransitions
{
    /// <summary>The statuses in which a case is open: intake clusters duplicate reports only into these.</summary>
    public static IReadOnlyList<CaseStatus> OpenStatuses { get; } =
        [Reported, Filed, Dispatched, Handling, JointHandling, AwaitingReview, AwaitingCallback, Reopened];

    /// <summary>Every allowed transition; anything not listed is refused.</summary>
    public static IReadOnlyList<CaseTransition> Table { get; } =
    [
        new(Reported, CaseCommand.File, Filed),
        new(Reported, Merge, Merged),
        new(Reported, Cancel, Cancelled),

        new(Filed, Dispatch, Dispatched),
        new(Filed, Merge, Merged),
        new(Filed, Cancel, Cancelled),

        new(Dispatched, Accept, Handling),
        new(Dispatched, Return, Filed),
        new(Dispatched, Dispatch, Dispatched),
        new(Dispatched, Merge, Merged),
        new(Dispatched, Cancel, Cancelled),

        new(Handling, Return, Filed),
        new(Handling, RequestAssistance, JointHandling),
        new(Handling, RequestExtension, Handling),
        new(Handling, Complete, AwaitingReview),

        new(JointHandling, RequestAssistance, JointHandling),
        new(JointHandling, FinishAssistance, Handling),
        new(JointHandling, RequestExtension, JointHandling),
        new(JointHandling, Complete, AwaitingReview),

        new(AwaitingReview, ReviewAccept, AwaitingCallback),
        new(AwaitingReview, ReviewSendBack, Handling),

        new(AwaitingCallback, RecordCallbackSatisfied, Closed),
        new(AwaitingCallback, RecordCallbackDissatisfied, Reopened),
        new(AwaitingCallback, CloseWithoutCallback, Closed),

        // A leader's assignment (交办) puts the case before the named department, at any point before its result is in.
        new(Reported, Assign, Dispatched),
        new(Filed, Assign, Dispatched),
        new(Dispatched, Assign, Dispatched),
        new(Handling, Assign, Dispatched),
        new(JointHandling, Assign, Dispatched),
        new(Reopened, Assign, Dispatched),

        new(Closed, Reopen, Reopened),

        new(Reopened, Dispatch, Dispatched),
        new(Reopened, Merge, Merged),

        // 督办 applies while anyone still owes work on the case, never before filing or after it is final.
        new(Filed, Supervise, Filed),
        new(Dispatched, Supervise, Dispatched),
        new(Handling, Supervise, Handling),
        new(JointHandling, Supervise, JointHandling),
        new(AwaitingReview, Supervise, AwaitingReview),
        new(AwaitingCallback, Supervise, AwaitingCallback),
        new(Reopened, Supervise, Reopened),

        // 多人一诉: while a case is open, intake may cluster another report of the same problem into it.
        .. OpenStatuses.Select(status => new CaseTransition(status, JoinReport, status)),
    ];

    private static readonly FrozenDictionary<(CaseStatus, CaseCommand), CaseStatus> Next =
        Table.ToFrozenDictionary(t => (t.From, t.Command), t => t.To);

    private static readonly FrozenDictionary<CaseStatus, CaseCommand[]> AllowedByStatus =
        Enum.GetValues<CaseStatus>().ToFrozenDictionary(s => s, s => Table.Where(t => t.From == s).Select(t => t.Command).ToArray());

    public static TransitionOutcome Apply(CaseStatus status, CaseCommand command)
    {
        if (Next.TryGetValue((status, command), out var next))
        {
            return TransitionOutcome.To(next);
        }

        // The hint names what a person may do next: a supervision notice never moves the case on, and joining a
        // report is intake's doing.
        var allowed = Allowed(status).Where(c => c is not (Supervise or JoinReport)).ToList();
        var hint = allowed.Count == 0
            ? $"; a {Describe(status)} case is final"
            : $"; allowed now: {string.Join(", ", allowed.Select(Verb))}";
        return TransitionOutcome.Refused(status, $"cannot {Verb(command)} a case that is {Describe(status)}{hint}");
    }

    public static IReadOnlyList<CaseCommand> Allowed(CaseStatus status) => AllowedByStatus[status];

    public static bool IsFinal(CaseStatus status) => Allowed(status).Count == 0;

    /// <summary>How the status reads in a sentence: "awaiting review", "in joint handling".</summary>
    public static string Describe(CaseStatus status) => status switch
    {
        Reported => "reported",
        Filed => "filed",
        Dispatched => "dispatched",
        Handling => "being handled",
        JointHandling => "in joint handling",
        AwaitingReview => "awaiting review",
        AwaitingCallback => "awaiting callback",
        Closed => "closed",
        Reopened => "reopened",
        Merged => "merged",
        Cancelled => "cancelled",
        _ => status.ToString(),
    };

    /// <summary>How the command reads after "cannot": "accept", "send back".</summary>
    public static string Verb(CaseCommand command) => command switch
    {
        CaseCommand.File => "file",
        Dispatch => "dispatch",
        Assign => "assign",
        Accept => "accept",
        Return => "return",
        RequestAssistance => "request assistance for",
        FinishAssistance => "finish assistance on",
        RequestExtension => "request an extension for",
        Supervise => "issue a supervision notice on",
        Complete => "complete",
        ReviewAccept => "approve the result of",
        ReviewSendBack => "send back",
        RecordCallbackSatisfied => "record a satisfied callback for",
        RecordCallbackDissatisfied => "record a dissatisfied callback for",
        CloseWithoutCallback => "close without callback",
        Reopen => "reopen",
        Merge => "merge",
        Cancel => "cancel",
        JoinReport => "join a report to",
        _ => command.ToString(),
    };
}

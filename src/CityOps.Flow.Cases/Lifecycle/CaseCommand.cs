namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>What a person or the workflow asks of a case; <see cref="CaseTransitions"/> says when each is allowed.</summary>
public enum CaseCommand
{
    File,
    Dispatch,
    /// <summary>A leader hands the case to a department directly (交办), whoever leads it now.</summary>
    Assign,
    Accept,

    /// <summary>The department sends it back as misrouted (退单), with a reason; it returns to the dispatcher.</summary>
    Return,

    RequestAssistance,
    FinishAssistance,

    /// <summary>Ask for more time (延期); approval changes the due time, not the status.</summary>
    RequestExtension,

    /// <summary>Issue a supervision notice (督办) on a case still being worked; the status does not change.</summary>
    Supervise,

    Complete,
    ReviewAccept,
    ReviewSendBack,
    RecordCallbackSatisfied,
    RecordCallbackDissatisfied,

    /// <summary>No citizen to call (sensor, video, inspector reports) or the citizen cannot be reached.</summary>
    CloseWithoutCallback,

    Reopen,
    Merge,
    Cancel,

    /// <summary>Intake joins a duplicate report to the open case; the status stays as it is. Not a person's command.</summary>
    JoinReport,
}

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>What happened to a case; every kind but <see cref="Reported"/> is a <see cref="CaseCommand"/> that was carried out.</summary>
public enum CaseEventKind
{
    Reported,
    Filed,
    Dispatched,
    Assigned,
    Accepted,
    Returned,
    AssistanceRequested,
    AssistanceFinished,
    ExtensionRequested,

    /// <summary>A supervisor or leader issued a supervision notice (督办); the status does not change.</summary>
    SupervisionNoticeIssued,

    Completed,
    ReviewAccepted,
    ReviewSentBack,
    CallbackSatisfied,
    CallbackDissatisfied,
    ClosedWithoutCallback,
    Reopened,
    Merged,
    Cancelled,

    /// <summary>Intake clustered another report into the open case (多人一诉); the note names the report's channel and source id.</summary>
    ReportJoined,
}

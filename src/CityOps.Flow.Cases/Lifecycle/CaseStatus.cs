namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>Where a case stands in the closed loop.</summary>
public enum CaseStatus
{
    /// <summary>Received from a channel, not yet accepted as a case (受理前).</summary>
    Reported,

    /// <summary>Accepted as a case (立案), waiting for dispatch; returned cases come back here.</summary>
    Filed,

    /// <summary>Sent to a handling department (派遣), not yet accepted by it.</summary>
    Dispatched,

    /// <summary>The lead department is working on it (处置中).</summary>
    Handling,

    /// <summary>Several departments work on it under one lead (协同处置).</summary>
    JointHandling,

    /// <summary>The department reported it done; the dispatcher checks the result (核查).</summary>
    AwaitingReview,

    /// <summary>The result was accepted; the citizen is to be called back (回访).</summary>
    AwaitingCallback,

    /// <summary>Done (结案); a supervisor or a dissatisfied citizen can still reopen it.</summary>
    Closed,

    /// <summary>Closed once, opened again; waits for a new dispatch.</summary>
    Reopened,

    /// <summary>A duplicate folded into another case; final.</summary>
    Merged,

    /// <summary>Not a case after all (不予立案, withdrawn); final.</summary>
    Cancelled,
}

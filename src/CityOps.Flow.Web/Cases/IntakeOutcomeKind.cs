namespace CityOps.Flow.Web.Cases;

/// <summary>What intake did with a report.</summary>
public enum IntakeOutcomeKind
{
    /// <summary>Refused: the problems name the fields; nothing was stored.</summary>
    Rejected,

    /// <summary>A new case was opened and its lifecycle instance started.</summary>
    Opened,

    /// <summary>The report joined an open case of the same category nearby (多人一诉); its cluster grew.</summary>
    Joined,

    /// <summary>The same (channel, source id) was posted before: nothing new, the earlier case answers.</summary>
    Duplicate,
}

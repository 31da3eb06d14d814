namespace CityOps.Flow.Cases.Reporting;

/// <summary>The closed loop's key figures over a set of cases (考核指标).</summary>
public sealed record PerformanceSummary
{
    public required int CaseCount { get; init; }

    /// <summary>Completed by the due time, of the cases completed plus those still open past their due time.</summary>
    public required Rate OnTime { get; init; }

    /// <summary>Mean time from first dispatch to the last completion, over completed cases; null when none.</summary>
    public required TimeSpan? AverageHandlingTime { get; init; }

    /// <summary>Returned as misrouted at least once, of the dispatched cases.</summary>
    public required Rate Returned { get; init; }

    /// <summary>Closed with no return, send-back or reopening, of the closed cases (一次办结).</summary>
    public required Rate FirstTimeResolution { get; init; }

    /// <summary>Satisfied citizens, of the callbacks recorded.</summary>
    public required Rate Satisfaction { get; init; }

    /// <summary>Routed straight by the table, of the dispatched cases.</summary>
    public required Rate AutoDispatched { get; init; }
}

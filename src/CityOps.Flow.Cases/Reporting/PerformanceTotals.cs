using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Reporting;

/// <summary>
/// The counts and sums behind <see cref="PerformanceSummary"/>. Every figure is a count or a sum, so totals of parts add
/// up to the totals of the whole: a database can aggregate them per group and the groups can be merged afterwards.
/// </summary>
public sealed record PerformanceTotals
{
    public static PerformanceTotals Zero { get; } = new();

    public int CaseCount { get; init; }

    /// <summary>Cases with a due time that were completed, or are still open past it.</summary>
    public int DueCounted { get; init; }

    public int OnTime { get; init; }

    public int Dispatched { get; init; }

    public int Returned { get; init; }

    public int AutoDispatched { get; init; }

    public int Closed { get; init; }

    public int FirstTimeResolved { get; init; }

    public int Callbacks { get; init; }

    public int Satisfied { get; init; }

    /// <summary>Completed cases whose handling time was measured.</summary>
    public int HandlingMeasured { get; init; }

    /// <summary>The sum of their handling times.</summary>
    public TimeSpan HandlingTime { get; init; }

    /// <summary>One case's contribution as of <paramref name="asOf"/>; handling time in working time when a calendar is given, else as elapsed.</summary>
    public static PerformanceTotals Of(CaseFacts facts, DateTimeOffset asOf, WorkingTimeCalendar? calendar = null)
    {
        int dueCounted = 0, onTime = 0, dispatched = 0, returned = 0, auto = 0, measured = 0;
        var handling = TimeSpan.Zero;
        if (facts.DueAt is { } due)
        {
            if (facts.CompletedAt is { } done)
            {
                dueCounted = 1;
                onTime = done <= due ? 1 : 0;
            }
            else if (!facts.IsClosed && asOf > due)
            {
                dueCounted = 1;
            }
        }

        if (facts.FirstDispatchedAt is { } dispatchedAt)
        {
            dispatched = 1;
            returned = facts.ReturnCount > 0 ? 1 : 0;
            auto = facts.AutoDispatched ? 1 : 0;
            if (facts.CompletedAt is { } completedAt && completedAt >= dispatchedAt)
            {
                measured = 1;
                handling = calendar is null ? completedAt - dispatchedAt : HandlingTimes.InWorkingTime(calendar, dispatchedAt, completedAt);
            }
        }

        var closed = facts.IsClosed ? 1 : 0;
        return new PerformanceTotals
        {
            CaseCount = 1,
            DueCounted = dueCounted,
            OnTime = onTime,
            Dispatched = dispatched,
            Returned = returned,
            AutoDispatched = auto,
            Closed = closed,
            FirstTimeResolved = closed == 1 && facts is { ReturnCount: 0, SendBackCount: 0, ReopenCount: 0 } ? 1 : 0,
            Callbacks = facts.CitizenSatisfied is null ? 0 : 1,
            Satisfied = facts.CitizenSatisfied == true ? 1 : 0,
            HandlingMeasured = measured,
            HandlingTime = handling,
        };
    }

    public PerformanceTotals Add(PerformanceTotals other) => new()
    {
        CaseCount = CaseCount + other.CaseCount,
        DueCounted = DueCounted + other.DueCounted,
        OnTime = OnTime + other.OnTime,
        Dispatched = Dispatched + other.Dispatched,
        Returned = Returned + other.Returned,
        AutoDispatched = AutoDispatched + other.AutoDispatched,
        Closed = Closed + other.Closed,
        FirstTimeResolved = FirstTimeResolved + other.FirstTimeResolved,
        Callbacks = Callbacks + other.Callbacks,
        Satisfied = Satisfied + other.Satisfied,
        HandlingMeasured = HandlingMeasured + other.HandlingMeasured,
        HandlingTime = HandlingTime + other.HandlingTime,
    };

    public PerformanceSummary ToSummary() => new()
    {
        CaseCount = CaseCount,
        OnTime = new Rate(OnTime, DueCounted),
        AverageHandlingTime = HandlingMeasured == 0 ? null : TimeSpan.FromTicks(HandlingTime.Ticks / HandlingMeasured),
        Returned = new Rate(Returned, Dispatched),
        FirstTimeResolution = new Rate(FirstTimeResolved, Closed),
        Satisfaction = new Rate(Satisfied, Callbacks),
        AutoDispatched = new Rate(AutoDispatched, Dispatched),
    };
}

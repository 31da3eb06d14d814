namespace CityOps.Flow.Cases.Reporting;

/// <summary>Computes the key figures over case facts, overall or per department, area or category.</summary>
public static class PerformanceReport
{
    /// <summary>Figures as of <paramref name="asOf"/>, which decides whether an open case is already late.</summary>
    public static PerformanceSummary Summarize(IEnumerable<CaseFacts> cases, DateTimeOffset asOf)
    {
        int count = 0, dueCounted = 0, onTime = 0, dispatched = 0, returned = 0, auto = 0;
        int closed = 0, firstTime = 0, callbacks = 0, satisfied = 0, completed = 0;
        var handlingTicks = 0L;
        foreach (var facts in cases)
        {
            count++;
            if (facts.DueAt is { } due)
            {
                if (facts.CompletedAt is { } done)
                {
                    dueCounted++;
                    onTime += done <= due ? 1 : 0;
                }
                else if (!facts.IsClosed && asOf > due)
                {
                    dueCounted++;
                }
            }

            if (facts.FirstDispatchedAt is { } dispatchedAt)
            {
                dispatched++;
                returned += facts.ReturnCount > 0 ? 1 : 0;
                auto += facts.AutoDispatched ? 1 : 0;
                if (facts.CompletedAt is { } completedAt && completedAt >= dispatchedAt)
                {
                    completed++;
                    handlingTicks += (completedAt - dispatchedAt).Ticks;
                }
            }

            if (facts.IsClosed)
            {
                closed++;
                firstTime += facts is { ReturnCount: 0, SendBackCount: 0, ReopenCount: 0 } ? 1 : 0;
            }

            if (facts.CitizenSatisfied is { } happy)
            {
                callbacks++;
                satisfied += happy ? 1 : 0;
            }
        }

        return new PerformanceSummary
        {
            CaseCount = count,
            OnTime = new Rate(onTime, dueCounted),
            AverageHandlingTime = completed == 0 ? null : TimeSpan.FromTicks(handlingTicks / completed),
            Returned = new Rate(returned, dispatched),
            FirstTimeResolution = new Rate(firstTime, closed),
            Satisfaction = new Rate(satisfied, callbacks),
            AutoDispatched = new Rate(auto, dispatched),
        };
    }

    /// <summary>Figures per key (department, area, category ...), ordered by key; cases whose key is null are left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, PerformanceSummary>> By(
        IEnumerable<CaseFacts> cases, Func<CaseFacts, string?> key, DateTimeOffset asOf) =>
        [.. cases
            .Select(c => (Key: key(c), Facts: c))
            .Where(x => x.Key is not null)
            .GroupBy(x => x.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, Summarize(g.Select(x => x.Facts), asOf)))];
}

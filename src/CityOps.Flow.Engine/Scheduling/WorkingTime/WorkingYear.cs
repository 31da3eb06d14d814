namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// One local calendar year laid out as sorted UTC working intervals with running totals, so that working time
/// up to any instant is a binary search and whole years are skipped by their total.
/// </summary>
internal sealed class WorkingYear
{
    private WorkingYear(int year, long[] starts, long[] ends, long[] workedBefore, int[] dayNumbers, int[] dayLastInterval)
    {
        Year = year;
        Starts = starts;
        Ends = ends;
        WorkedBefore = workedBefore;
        WorkingDayNumbers = dayNumbers;
        WorkingDayLastInterval = dayLastInterval;
    }

    public int Year { get; }

    /// <summary>UTC ticks of local midnight starting 1 January of this year.</summary>
    public long StartUtc { get; private init; }

    /// <summary>UTC ticks of local midnight starting 1 January of the next year.</summary>
    public long EndUtc { get; private init; }

    /// <summary>The zone's offset in ticks when it is the same at every working boundary of the year (no daylight saving), else null.</summary>
    public long? ConstantOffset { get; private init; }

    /// <summary>UTC ticks at which each working interval starts, ascending.</summary>
    public long[] Starts { get; }

    public long[] Ends { get; }

    /// <summary>Working ticks in this year before interval i starts; one longer than <see cref="Starts"/>, the last entry is the year's total.</summary>
    public long[] WorkedBefore { get; }

    /// <summary><see cref="DateOnly.DayNumber"/> of each day with working time, ascending.</summary>
    public int[] WorkingDayNumbers { get; }

    public int[] WorkingDayLastInterval { get; }

    public long Total => WorkedBefore[^1];

    public static WorkingYear Build(int year, TimeZoneInfo zone, Func<DateOnly, IReadOnlyList<WorkingInterval>> hoursOn)
    {
        var starts = new List<long>(600);
        var ends = new List<long>(600);
        var dayNumbers = new List<int>(260);
        var dayLast = new List<int>(260);
        var last = long.MinValue;
        var yearStart = CalendarTimeZone.ToUtcTicks(new DateTime(year, 1, 1), zone, out var offset);
        var yearEnd = CalendarTimeZone.ToUtcTicks(new DateTime(year + 1, 1, 1), zone, out var endOffset);
        var constant = offset == endOffset;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var worked = false;
            foreach (var interval in hoursOn(day))
            {
                var start = Math.Max(ToUtcTicks(day, interval.Start, zone, out var startOffset), last);
                var end = ToUtcTicks(day, interval.End, zone, out var finishOffset);
                constant &= startOffset == offset && finishOffset == offset;
                if (end <= start)
                {
                    continue; // swallowed by a daylight-saving gap
                }

                starts.Add(start);
                ends.Add(end);
                last = end;
                worked = true;
            }

            if (worked)
            {
                dayNumbers.Add(day.DayNumber);
                dayLast.Add(starts.Count - 1);
            }
        }

        var workedBefore = new long[starts.Count + 1];
        for (var i = 0; i < starts.Count; i++)
        {
            workedBefore[i + 1] = workedBefore[i] + (ends[i] - starts[i]);
        }

        return new WorkingYear(year, [.. starts], [.. ends], workedBefore, [.. dayNumbers], [.. dayLast])
        {
            StartUtc = yearStart,
            EndUtc = yearEnd,
            ConstantOffset = constant ? offset : null,
        };
    }

    /// <summary>Working ticks of this year before <paramref name="utcTicks"/>.</summary>
    public long WorkedUntil(long utcTicks)
    {
        var i = LastStartAtOrBefore(utcTicks);
        return i < 0 ? 0 : WorkedBefore[i] + Math.Min(utcTicks, Ends[i]) - Starts[i];
    }

    /// <summary>The earliest instant by which <paramref name="worked"/> ticks (0 &lt; worked ≤ total) of this year are done.</summary>
    public long InstantWhenWorked(long worked)
    {
        // First interval whose end total reaches the target.
        var i = Array.BinarySearch(WorkedBefore, 1, WorkedBefore.Length - 1, worked);
        i = i >= 0 ? i - 1 : ~i - 1;
        return Starts[i] + (worked - WorkedBefore[i]);
    }

    public int LastStartAtOrBefore(long utcTicks)
    {
        var i = Array.BinarySearch(Starts, utcTicks);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Index of the first working day after the day numbered <paramref name="dayNumber"/>.</summary>
    public int FirstWorkingDayAfter(int dayNumber)
    {
        var i = Array.BinarySearch(WorkingDayNumbers, dayNumber);
        return i >= 0 ? i + 1 : ~i;
    }

    private static long ToUtcTicks(DateOnly day, TimeSpan clock, TimeZoneInfo zone, out long offsetTicks) =>
        CalendarTimeZone.ToUtcTicks(day.ToDateTime(TimeOnly.MinValue).Add(clock), zone, out offsetTicks);
}

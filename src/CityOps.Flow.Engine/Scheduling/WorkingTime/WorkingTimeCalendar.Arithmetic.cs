namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

public sealed partial class WorkingTimeCalendar
{
    /// <summary>
    /// The instant by which <paramref name="workingTime"/> of working time has passed since <paramref name="from"/>:
    /// 4 h from 16:00 on the last day before a holiday is 11:30 on the first day after it (with 09:00-12:00 and
    /// 13:30-17:30 hours). A limit that uses up a day exactly falls due at closing (17:30), not the next opening.
    /// Zero working time returns <paramref name="from"/> unchanged, even outside working hours.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero)
        {
            return from;
        }

        var table = YearTableAt(from.UtcTicks);
        var target = table.WorkedUntil(from.UtcTicks) + workingTime.Ticks;
        for (var searched = 0; target > table.Total; searched++)
        {
            EnsureWithinSearch(searched, from);
            target -= table.Total;
            table = YearTable(table.Year + 1);
        }

        return Instant(table.InstantWhenWorked(target), table);
    }

    /// <summary>
    /// The due time of a limit of <paramref name="workingDays"/> working days (N个工作日) set at <paramref name="from"/>:
    /// the close of the Nth working day after the day of <paramref name="from"/>. As for periods in days under the
    /// Civil Code (art. 201), the day the limit is set is not counted, whether it was set during, before or after
    /// working hours; a limit set on a holiday counts from the first working day after it. Zero days returns
    /// <paramref name="from"/>.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return from;
        }

        var table = YearTableAt(from.UtcTicks);
        var index = table.FirstWorkingDayAfter(LocalDate(from.UtcTicks, table).DayNumber) + workingDays - 1;
        for (var searched = 0; index >= table.WorkingDayNumbers.Length; searched++)
        {
            EnsureWithinSearch(searched, from);
            index -= table.WorkingDayNumbers.Length;
            table = YearTable(table.Year + 1);
        }

        return Instant(table.Ends[table.WorkingDayLastInterval[index]], table);
    }

    /// <summary>
    /// Working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// The inverse of <see cref="AddWorkingTime"/>: the working time from t to AddWorkingTime(t, d) is d.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        long a = from.UtcTicks, b = to.UtcTicks;
        var first = YearTableAt(a);
        var last = b < first.EndUtc ? first : YearTableAt(b);
        if (first.Year == last.Year)
        {
            return TimeSpan.FromTicks(first.WorkedUntil(b) - first.WorkedUntil(a));
        }

        var worked = first.Total - first.WorkedUntil(a);
        for (var year = first.Year + 1; year < last.Year; year++)
        {
            worked += YearTable(year).Total;
        }

        return TimeSpan.FromTicks(worked + last.WorkedUntil(b));
    }

    /// <summary>Whether the instant lies inside a working interval (start included, end excluded).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var table = YearTableAt(instant.UtcTicks);
        var i = table.LastStartAtOrBefore(instant.UtcTicks);
        return i >= 0 && instant.UtcTicks < table.Ends[i];
    }

    /// <summary>The instant itself when it is working time, otherwise the next opening (after lunch, the next morning, after a holiday).</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var table = YearTableAt(instant.UtcTicks);
        var i = table.LastStartAtOrBefore(instant.UtcTicks);
        if (i >= 0 && instant.UtcTicks < table.Ends[i])
        {
            return instant;
        }

        var next = i + 1;
        for (var searched = 0; next >= table.Starts.Length; searched++)
        {
            EnsureWithinSearch(searched, instant);
            table = YearTable(table.Year + 1);
            next = 0;
        }

        return Instant(table.Starts[next], table);
    }

    /// <summary>
    /// The share of a limit used so far, in working time: 0 at <paramref name="start"/>, 1 at <paramref name="due"/>,
    /// above 1 when overdue; tiered warnings compare it with thresholds such as 0.5, 0.8 and 1. A limit with no
    /// working time in it counts as fully used once <paramref name="due"/> has passed and unused before.
    /// </summary>
    public double FractionOfLimitUsed(DateTimeOffset start, DateTimeOffset due, DateTimeOffset now)
    {
        var limit = WorkingTimeBetween(start, due);
        return limit <= TimeSpan.Zero ? (now >= due ? 1d : 0d) : Used(start, now) / limit;
    }

    /// <summary>The share of a working-time limit used between <paramref name="start"/> and <paramref name="now"/>; a zero limit is used up at once.</summary>
    public double FractionOfLimitUsed(DateTimeOffset start, TimeSpan limit, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        return limit == TimeSpan.Zero ? (now >= start ? 1d : 0d) : Used(start, now) / limit;
    }

    private TimeSpan Used(DateTimeOffset start, DateTimeOffset now) =>
        now <= start ? TimeSpan.Zero : WorkingTimeBetween(start, now);

    private void EnsureWithinSearch(int searched, DateTimeOffset from)
    {
        if (searched >= MaxYearsSearched)
        {
            throw new InvalidOperationException(
                $"Calendar '{Name}' has no working time within {MaxYearsSearched} years after {from:O}.");
        }
    }
}

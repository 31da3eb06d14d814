namespace CityOps.Flow.Engine.Feel;

/// <summary>Ordering and arithmetic of FEEL dates, times, dates-and-times and durations.</summary>
internal static class Temporal
{
    /// <summary>A date as a date and time at midnight, of the same kind (local or offset) as <paramref name="like"/>.</summary>
    public static FeelDateTime AtMidnight(DateOnly date, FeelDateTime like) =>
        new(date.ToDateTime(TimeOnly.MinValue), like.IsInstant ? TimeSpan.Zero : null);

    public static int? Compare(FeelDateTime a, FeelDateTime b)
    {
        if (a.IsInstant && b.IsInstant)
        {
            return a.Instant!.Value.UtcDateTime.CompareTo(b.Instant!.Value.UtcDateTime);
        }

        return a.IsInstant || b.IsInstant ? null : a.Local.CompareTo(b.Local);
    }

    public static int? Compare(FeelTime a, FeelTime b)
    {
        var (oa, ob) = (a.EffectiveOffset, b.EffectiveOffset);
        if (oa is null && ob is null)
        {
            return a.LocalTime.CompareTo(b.LocalTime);
        }

        if (oa is null || ob is null)
        {
            return null;
        }

        return (a.LocalTime.ToTimeSpan() - oa.Value).CompareTo(b.LocalTime.ToTimeSpan() - ob.Value);
    }

    public static TimeSpan? Subtract(FeelDateTime a, FeelDateTime b)
    {
        if (a.IsInstant && b.IsInstant)
        {
            return a.Instant!.Value - b.Instant!.Value;
        }

        return a.IsInstant || b.IsInstant ? null : a.Local - b.Local;
    }

    public static TimeSpan? Subtract(FeelTime a, FeelTime b)
    {
        var (oa, ob) = (a.EffectiveOffset, b.EffectiveOffset);
        if ((oa is null) != (ob is null))
        {
            return null;
        }

        return (a.LocalTime.ToTimeSpan() - (oa ?? TimeSpan.Zero)) - (b.LocalTime.ToTimeSpan() - (ob ?? TimeSpan.Zero));
    }

    public static FeelDateTime Add(FeelDateTime a, TimeSpan d)
    {
        if (a.Zone is null || a.Offset is not null)
        {
            return a with { Local = a.Local + d };
        }

        // With a zone, add in absolute time and read the wall clock back in that zone.
        var instant = a.Instant!.Value + d;
        var tz = TimeZoneInfo.FindSystemTimeZoneById(a.Zone);
        return a with { Local = TimeZoneInfo.ConvertTime(instant, tz).DateTime };
    }

    public static FeelDateTime Add(FeelDateTime a, FeelYearsMonthsDuration d) => a with { Local = a.Local.AddMonths(d.TotalMonths) };

    public static DateOnly Add(DateOnly a, TimeSpan d) => DateOnly.FromDateTime(a.ToDateTime(TimeOnly.MinValue) + d);

    public static DateOnly Add(DateOnly a, FeelYearsMonthsDuration d) => a.AddMonths(d.TotalMonths);

    public static FeelTime Add(FeelTime a, TimeSpan d) => a with { LocalTime = a.LocalTime.Add(d) };

    /// <summary>Whole months between two dates (FEEL <c>years and months duration(from, to)</c>).</summary>
    public static FeelYearsMonthsDuration MonthsBetween(DateTime from, DateTime to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (months > 0 && from.AddMonths(months) > to)
        {
            months--;
        }
        else if (months < 0 && from.AddMonths(months) < to)
        {
            months++;
        }

        return new FeelYearsMonthsDuration(months);
    }
}

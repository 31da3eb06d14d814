namespace CityOps.Flow.Engine.Feel;

/// <summary>The named properties of FEEL values: <c>date.year</c>, <c>duration.days</c>, <c>range.start</c>.</summary>
internal static class Properties
{
    public static bool Of(object value, string name, out object? result)
    {
        result = value switch
        {
            DateOnly d => name switch
            {
                "year" => (decimal)d.Year,
                "month" => (decimal)d.Month,
                "day" => (decimal)d.Day,
                "weekday" => (decimal)IsoWeekday(d.DayOfWeek),
                _ => Missing,
            },
            FeelDateTime dt => name switch
            {
                "year" => (decimal)dt.Local.Year,
                "month" => (decimal)dt.Local.Month,
                "day" => (decimal)dt.Local.Day,
                "weekday" => (decimal)IsoWeekday(dt.Local.DayOfWeek),
                "hour" => (decimal)dt.Local.Hour,
                "minute" => (decimal)dt.Local.Minute,
                "second" => dt.Local.Second + ((decimal)(dt.Local.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond),
                "time offset" => dt.EffectiveOffset,
                "timezone" => dt.Zone,
                _ => Missing,
            },
            FeelTime t => name switch
            {
                "hour" => (decimal)t.LocalTime.Hour,
                "minute" => (decimal)t.LocalTime.Minute,
                "second" => t.LocalTime.Second + ((decimal)(t.LocalTime.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond),
                "time offset" => t.Offset,
                "timezone" => t.Zone,
                _ => Missing,
            },
            TimeSpan d => name switch
            {
                "days" => (decimal)d.Days,
                "hours" => (decimal)d.Hours,
                "minutes" => (decimal)d.Minutes,
                "seconds" => d.Seconds + ((decimal)(d.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond),
                _ => Missing,
            },
            FeelYearsMonthsDuration m => name switch
            {
                "years" => (decimal)m.Years,
                "months" => (decimal)m.Months,
                _ => Missing,
            },
            FeelRange r => name switch
            {
                "start" => r.Start,
                "end" => r.End,
                "start included" => r.StartIncluded,
                "end included" => r.EndIncluded,
                _ => Missing,
            },
            _ => Missing,
        };
        if (ReferenceEquals(result, Missing))
        {
            result = null;
            return false;
        }

        return true;
    }

    public static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static readonly object Missing = new();
}

using System.Globalization;

namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddTemporals(Registrar add)
    {
        add("now", "", (ev, _) => FeelDateTime.FromOffset(TimeZoneInfo.ConvertTime(ev.Engine.Clock.GetUtcNow(), ev.Engine.Clock.LocalTimeZone)));
        add("today", "", (ev, _) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ev.Engine.Clock.GetUtcNow(), ev.Engine.Clock.LocalTimeZone).DateTime));
        add("day of week", "date", (ev, a) => DateOf(a[0]) is { } d
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d.DayOfWeek)
            : Invalid(ev, "day of week", a));
        add("day of year", "date", (ev, a) => DateOf(a[0]) is { } d ? (decimal)d.DayOfYear : Invalid(ev, "day of year", a));
        add("week of year", "date", (ev, a) => DateOf(a[0]) is { } d
            ? (decimal)ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))
            : Invalid(ev, "week of year", a));
        add("month of year", "date", (ev, a) => DateOf(a[0]) is { } d
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month)
            : Invalid(ev, "month of year", a));
    }

    private static DateOnly? DateOf(object? value) => value switch
    {
        DateOnly d => d,
        FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
        _ => null,
    };
}

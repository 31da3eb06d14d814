using System.Globalization;
using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>
/// A window of whole local days on the district's calendar, [<see cref="From"/>, <see cref="To"/>) as instants: the
/// day, week or month holding a date, or a custom range of days (both ends included).
/// </summary>
public sealed record KpiWindow(KpiPeriod Period, DateOnly FirstDay, DateOnly LastDay, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The longest custom range, so one request cannot ask for decades.</summary>
    public const int MaxRangeDays = 400;

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    public static KpiWindow Of(KpiPeriod period, DateOnly first, DateOnly last, WorkingTimeCalendar calendar) =>
        new(period, first, last, StartOf(first, calendar), StartOf(last.AddDays(1), calendar));

    /// <summary>The window the query string asks for, or the problems with it (field name, message); the default is the month of today.</summary>
    public static (KpiWindow? Window, IReadOnlyList<KeyValuePair<string, string>> Problems) Parse(
        string? period, string? date, string? from, string? to, WorkingTimeCalendar calendar, DateTimeOffset now)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var kind = KpiPeriod.Month;
        if (period is not null && !(Enum.TryParse(period, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(period, out _)))
        {
            problems.Add(new("period", $"'{period}' is not a period; use day, week, month or range"));
        }

        var anchor = ParseDate("date", date, problems) ?? calendar.LocalDate(now);
        var first = ParseDate("from", from, problems);
        var last = ParseDate("to", to, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        switch (kind)
        {
            case KpiPeriod.Day:
                return (Of(kind, anchor, anchor, calendar), []);
            case KpiPeriod.Week:
                var monday = anchor.AddDays(-(((int)anchor.DayOfWeek + 6) % 7));
                return (Of(kind, monday, monday.AddDays(6), calendar), []);
            case KpiPeriod.Month:
                var firstOfMonth = new DateOnly(anchor.Year, anchor.Month, 1);
                return (Of(kind, firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1), calendar), []);
        }

        if (first is null)
        {
            problems.Add(new("from", "a range needs its first day (yyyy-MM-dd)"));
        }

        if (last is null)
        {
            problems.Add(new("to", "a range needs its last day (yyyy-MM-dd)"));
        }

        if (first is { } f && last is { } l)
        {
            if (l < f)
            {
                problems.Add(new("to", $"the last day {l:yyyy-MM-dd} is before the first day {f:yyyy-MM-dd}"));
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxRangeDays)
            {
                problems.Add(new("to", $"a range may span at most {MaxRangeDays} days"));
            }
        }

        return problems.Count > 0 ? (null, problems) : (Of(kind, first!.Value, last!.Value, calendar), []);
    }

    /// <summary>The window cut into days, weeks (Monday to Sunday) or calendar months, the first and last clipped to the window.</summary>
    public IReadOnlyList<(DateOnly First, DateOnly Last)> Split(KpiBucket bucket)
    {
        var parts = new List<(DateOnly, DateOnly)>();
        for (var start = FirstDay; start <= LastDay;)
        {
            var next = bucket switch
            {
                KpiBucket.Day => start.AddDays(1),
                KpiBucket.Week => start.AddDays(7 - ((int)start.DayOfWeek + 6) % 7),
                _ => new DateOnly(start.Year, start.Month, 1).AddMonths(1),
            };
            var end = next.AddDays(-1) < LastDay ? next.AddDays(-1) : LastDay;
            parts.Add((start, end));
            start = next;
        }

        return parts;
    }

    /// <summary>The trend granularity that keeps a chart readable: days up to two months, then weeks up to a year, then months.</summary>
    public KpiBucket NaturalBucket => Days <= 62 ? KpiBucket.Day : Days <= 366 ? KpiBucket.Week : KpiBucket.Month;

    private static DateOnly? ParseDate(string field, string? text, List<KeyValuePair<string, string>> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(field, $"'{text}' is not a date; write it as yyyy-MM-dd"));
        return null;
    }

    private static DateTimeOffset StartOf(DateOnly day, WorkingTimeCalendar calendar) => calendar.FromLocal(day.ToDateTime(TimeOnly.MinValue));
}

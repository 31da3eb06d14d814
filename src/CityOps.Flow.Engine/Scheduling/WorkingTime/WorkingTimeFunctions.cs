using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// FEEL functions that measure time limits on a working-time calendar, so timers, due dates and escalation tiers
/// are written in working time:
/// <c>business time(now(), duration("PT4H"))</c> (the instant 4 working hours later),
/// <c>business days(now(), 15)</c> (close of the 15th working day after today),
/// <c>business due(now(), timeLimit)</c> (a routing table's limit text: <c>"P2D"</c> working days, <c>"PT4H"</c> working hours),
/// <c>business duration(start, now())</c> (working time between, as a days-and-time duration),
/// <c>business fraction(start, due, now()) &gt;= 0.8</c> (share of the limit used; <c>due</c> may also be the limit
/// as a duration), <c>is business time(x)</c> and <c>next business time(x)</c>.
/// A date and time without offset or zone, or a date (its midnight), is read in the calendar's zone; results carry
/// the calendar zone's offset. A wrong argument, or a year the calendar refuses to guess, gives null with a warning.
/// </summary>
public static class WorkingTimeFunctions
{
    public static void Register(FeelFunctionRegistry registry, WorkingTimeCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(calendar);

        registry.Register("business time", ["from", "duration"], args =>
            DateTime(calendar.AddWorkingTime(Instant(calendar, args, 0, "from"), Duration(args, 1, "duration"))));

        registry.Register("business days", ["from", "n"], args =>
            DateTime(calendar.AddWorkingDays(Instant(calendar, args, 0, "from"), WholeCount(args, 1, "n"))));

        registry.Register("business due", ["from", "limit"], args =>
            DateTime(calendar.DueAfter(Instant(calendar, args, 0, "from"), Limit(args, 1, "limit")).At));

        registry.Register("business duration", ["from", "to"], args =>
            calendar.WorkingTimeBetween(Instant(calendar, args, 0, "from"), Instant(calendar, args, 1, "to")));

        registry.Register("business fraction", ["start", "due", "now"], args =>
        {
            var start = Instant(calendar, args, 0, "start");
            var now = Instant(calendar, args, 2, "now");
            var used = Argument(args, 1) is TimeSpan
                ? calendar.FractionOfLimitUsed(start, Duration(args, 1, "due"), now)
                : calendar.FractionOfLimitUsed(start, Instant(calendar, args, 1, "due"), now);
            return (decimal)used;
        });

        registry.Register("is business time", ["instant"], args =>
            calendar.IsWorkingTime(Instant(calendar, args, 0, "instant")));

        registry.Register("next business time", ["from"], args =>
            DateTime(calendar.NextWorkingInstant(Instant(calendar, args, 0, "from"))));
    }

    private static object? Argument(IReadOnlyList<object?> args, int index) => index < args.Count ? args[index] : null;

    private static DateTimeOffset Instant(WorkingTimeCalendar calendar, IReadOnlyList<object?> args, int index, string name) =>
        Argument(args, index) switch
        {
            FeelDateTime { Instant: { } instant } => instant,
            FeelDateTime local => calendar.FromLocal(local.Local),
            DateOnly date => calendar.FromLocal(date.ToDateTime(TimeOnly.MinValue)),
            DateTimeOffset instant => instant,
            var other => throw new ArgumentException($"{name} must be a date and time or a date, not {Describe(other)}"),
        };

    private static TimeSpan Duration(IReadOnlyList<object?> args, int index, string name) =>
        Argument(args, index) switch
        {
            TimeSpan { Ticks: >= 0 } duration => duration,
            TimeSpan negative => throw new ArgumentException($"{name} must not be negative, not {negative}"),
            var other => throw new ArgumentException($"{name} must be a days and time duration such as duration(\"PT4H\"), not {Describe(other)}"),
        };

    private static WorkingTimeLimit Limit(IReadOnlyList<object?> args, int index, string name) =>
        Argument(args, index) switch
        {
            string text => WorkingTimeLimit.TryParse(text, out var error) ?? throw new ArgumentException($"{name}: {error}"),
            var other => throw new ArgumentException(
                $"{name} must be the limit as text such as \"P2D\" or \"PT4H\", so that its unit is kept, not {Describe(other)}"),
        };

    private static int WholeCount(IReadOnlyList<object?> args, int index, string name) =>
        Argument(args, index) switch
        {
            decimal n when n >= 0 && n <= int.MaxValue && decimal.Truncate(n) == n => (int)n,
            var other => throw new ArgumentException($"{name} must be a whole number of days, 0 or more, not {Describe(other)}"),
        };

    private static FeelDateTime DateTime(DateTimeOffset instant) => FeelDateTime.FromOffset(instant);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        decimal n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}

using System.Globalization;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// A stretch of working time within one local day, written <c>09:00-12:00</c>; the end may be <c>24:00</c>
/// and is exclusive. Overnight shifts are two intervals on two days.
/// </summary>
public readonly record struct WorkingInterval
{
    public WorkingInterval(TimeSpan start, TimeSpan end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Offset from local midnight at which work starts.</summary>
    public TimeSpan Start { get; }

    /// <summary>Offset from local midnight at which work stops; at most one day.</summary>
    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public static WorkingInterval Of(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new TimeSpan(startHour, startMinute, 0), new TimeSpan(endHour, endMinute, 0));

    /// <summary>Reads <c>HH:mm-HH:mm</c>; null with a message when the text is not an interval.</summary>
    public static WorkingInterval? TryParse(string text, out string? error)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            error = $"'{text}' is not an interval; write it as HH:mm-HH:mm, e.g. 09:00-12:00";
            return null;
        }

        if (!TryParseClock(parts[0], out var start) || !TryParseClock(parts[1], out var end))
        {
            error = $"'{text}' has a time that is not HH:mm between 00:00 and 24:00";
            return null;
        }

        error = null;
        return new WorkingInterval(start, end);
    }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan clock) =>
        clock == TimeSpan.FromDays(1)
            ? "24:00"
            : clock.Seconds == 0
                ? clock.ToString(@"hh\:mm", CultureInfo.InvariantCulture)
                : clock.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static bool TryParseClock(string text, out TimeSpan clock)
    {
        if (text == "24:00")
        {
            clock = TimeSpan.FromDays(1);
            return true;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            clock = time.ToTimeSpan();
            return true;
        }

        clock = default;
        return false;
    }
}

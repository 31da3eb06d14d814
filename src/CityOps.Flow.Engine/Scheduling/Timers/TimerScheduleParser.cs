using System.Globalization;

namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>Parses BPMN timer texts: ISO 8601 date-times, durations, repeating intervals, and cron for cycles.</summary>
public static class TimerScheduleParser
{
    public static TimerParseResult Parse(TimerKind kind, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return Fail($"the {Describe(kind)} is empty");
        }

        return kind switch
        {
            TimerKind.Date => ParseDateTime(trimmed) is { } at
                ? new TimerParseResult(new TimerAtDate(at), null)
                : Fail($"'{trimmed}' is not an ISO 8601 date-time with an offset (e.g. 2026-03-01T09:00:00+08:00)"),
            TimerKind.Duration => IsoDuration.Parse(trimmed) is { } duration
                ? new TimerParseResult(new TimerAfterDuration(duration), null)
                : Fail($"'{trimmed}' is not an ISO 8601 duration (e.g. PT15M, P1DT2H)"),
            _ => ParseCycle(trimmed),
        };
    }

    /// <summary>An ISO 8601 date-time with an offset or Z; a local time without offset is ambiguous and refused.</summary>
    public static DateTimeOffset? ParseDateTime(string text)
    {
        var trimmed = text.Trim();
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':')
            || (trimmed.Length > 5 && trimmed[^5] is '+' or '-' && char.IsDigit(trimmed[^1]) && trimmed.IndexOf('T') < trimmed.Length - 5);
        if (!hasOffset || !trimmed.Contains('T'))
        {
            return null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;
    }

    private static TimerParseResult ParseCycle(string text)
    {
        if (!text.StartsWith('R'))
        {
            return CronExpression.Parse(text) is { Expression: { } cron }
                ? new TimerParseResult(new CronTimer(cron), null)
                : Fail($"'{text}' is neither an ISO 8601 repeating interval (e.g. R3/PT1H, R/PT10M, R5/2026-01-01T00:00:00Z/PT1H) nor a cron expression: {CronExpression.Parse(text).Error}");
        }

        var parts = text.Split('/');
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return Fail($"'{parts[0]}' in '{text}' is not a repetition count (R, or R followed by a number)");
            }

            repetitions = count;
        }

        switch (parts.Length)
        {
            case 2 when IsoDuration.Parse(parts[1]) is { } interval:
                return Repeating(text, repetitions, interval, null);
            case 3 when ParseDateTime(parts[1]) is { } start && IsoDuration.Parse(parts[2]) is { } interval:
                return Repeating(text, repetitions, interval, start);
            default:
                return Fail($"'{text}' is not an ISO 8601 repeating interval (R3/PT1H, R/PT10M or R5/<start date-time>/PT1H)");
        }
    }

    private static TimerParseResult Repeating(string text, int? repetitions, IsoDuration interval, DateTimeOffset? start) =>
        interval.IsZero
            ? Fail($"the interval of '{text}' is zero, so the timer would fire without pause")
            : new TimerParseResult(new RepeatingTimer(repetitions, interval, start), null);

    private static string Describe(TimerKind kind) => kind switch
    {
        TimerKind.Date => "timeDate",
        TimerKind.Duration => "timeDuration",
        _ => "timeCycle",
    };

    private static TimerParseResult Fail(string message) => new(null, message);
}

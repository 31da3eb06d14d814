using System.Globalization;

namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>
/// A cron expression as Zeebe accepts it (Spring format: second minute hour day-of-month month day-of-week, or the
/// usual five fields without seconds, or @hourly/@daily/@weekly/@monthly/@yearly). Fields take *, ?, numbers,
/// ranges, lists, steps and English month/day names; day-of-month and day-of-week must both match. L, W and # are
/// refused. Evaluated in UTC.
/// </summary>
public sealed class CronExpression
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private CronExpression(string text, bool[][] fields)
    {
        Text = text;
        (_seconds, _minutes, _hours, _daysOfMonth, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public string Text { get; }

    public static CronParseResult Parse(string text)
    {
        var source = text.Trim();
        var expanded = source.ToLowerInvariant() switch
        {
            "@yearly" or "@annually" => "0 0 0 1 1 *",
            "@monthly" => "0 0 0 1 * *",
            "@weekly" => "0 0 0 * * 0",
            "@daily" or "@midnight" => "0 0 0 * * *",
            "@hourly" => "0 0 * * * *",
            _ => source,
        };
        var parts = expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 5)
        {
            parts = ["0", .. parts];
        }

        if (parts.Length != 6)
        {
            return new CronParseResult(null, $"a cron expression has 6 fields (second minute hour day-of-month month day-of-week), '{source}' has {parts.Length}");
        }

        string[] names = ["second", "minute", "hour", "day-of-month", "month", "day-of-week"];
        (int Min, int Max)[] ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
        var fields = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            var aliases = i == 4 ? MonthNames : i == 5 ? DayNames : null;
            var field = ParseField(parts[i].ToUpperInvariant(), ranges[i].Min, ranges[i].Max, aliases, i == 4 ? 1 : 0, out var error);
            if (field is null)
            {
                return new CronParseResult(null, $"the {names[i]} field '{parts[i]}' {error}");
            }

            fields[i] = field;
        }

        fields[5][0] |= fields[5][7];
        return new CronParseResult(new CronExpression(source, fields), null);
    }

    /// <summary>The first matching instant strictly after <paramref name="instant"/>, searching five years ahead.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var from = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, DateTimeKind.Utc).AddSeconds(1);
        var day = from.Date;
        for (var i = 0; i < 366 * 5; i++, day = day.AddDays(1))
        {
            if (!_months[day.Month] || !_daysOfMonth[day.Day] || !_daysOfWeek[(int)day.DayOfWeek])
            {
                continue;
            }

            var earliest = day == from.Date ? from.TimeOfDay : TimeSpan.Zero;
            if (FirstTimeOfDay(earliest) is { } time)
            {
                return new DateTimeOffset(day + time, TimeSpan.Zero);
            }
        }

        return null;
    }

    public override string ToString() => Text;

    private TimeSpan? FirstTimeOfDay(TimeSpan earliest)
    {
        for (var h = earliest.Hours; h < 24; h++)
        {
            if (!_hours[h])
            {
                continue;
            }

            var firstMinute = h == earliest.Hours ? earliest.Minutes : 0;
            for (var m = firstMinute; m < 60; m++)
            {
                if (!_minutes[m])
                {
                    continue;
                }

                var firstSecond = h == earliest.Hours && m == earliest.Minutes ? earliest.Seconds : 0;
                for (var s = firstSecond; s < 60; s++)
                {
                    if (_seconds[s])
                    {
                        return new TimeSpan(h, m, s);
                    }
                }
            }
        }

        return null;
    }

    private static bool[]? ParseField(string field, int min, int max, string[]? aliases, int aliasBase, out string? error)
    {
        var allowed = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            if (item.IndexOfAny(['L', 'W', '#']) >= 0 && (aliases is null || !aliases.Any(a => item.Contains(a, StringComparison.Ordinal))))
            {
                error = "uses L, W or #, which the engine does not support";
                return null;
            }

            var (rangePart, stepPart) = item.Split('/') switch
            {
                [var r] => (r, null),
                [var r, var s] => (r, s),
                _ => ("", null),
            };
            var step = 1;
            if (stepPart is not null && (!int.TryParse(stepPart, NumberStyles.None, CultureInfo.InvariantCulture, out step) || step == 0))
            {
                error = $"has an invalid step '{stepPart}'";
                return null;
            }

            int from, to;
            if (rangePart is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else
            {
                var bounds = rangePart.Split('-');
                int? start = Value(bounds[0], aliases, aliasBase), end = bounds.Length == 2 ? Value(bounds[1], aliases, aliasBase) : start;
                if (bounds.Length > 2 || start is null || end is null || start < min || end > max || start > end)
                {
                    error = $"has '{rangePart}', outside {min}-{max}";
                    return null;
                }

                (from, to) = (start.Value, stepPart is not null && bounds.Length == 1 ? max : end.Value);
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        error = null;
        return allowed;
    }

    private static int? Value(string text, string[]? aliases, int aliasBase)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = aliases is null ? -1 : Array.IndexOf(aliases, text);
        return index < 0 ? null : index + aliasBase;
    }
}

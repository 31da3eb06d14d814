using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Engine.Feel;

/// <summary>ISO 8601 text of FEEL temporal values, as FEEL literals and JSON carry them.</summary>
internal static partial class TemporalText
{
    [GeneratedRegex(@"^(-?\d{4,9})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:@(.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    public static DateOnly? ParseDate(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }

        var month = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        return MakeDate(y, month, day);
    }

    public static DateOnly? MakeDate(long year, long month, long day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth((int)year, (int)month)
            ? new DateOnly((int)year, (int)month, (int)day)
            : null;

    public static FeelTime? ParseTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var h = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var min = int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var s = int.Parse(m.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (h == 24 && min == 0 && s == 0)
        {
            h = 0;
        }

        if (h > 23 || min > 59 || s > 59)
        {
            return null;
        }

        var ticks = 0L;
        if (m.Groups[4].Success)
        {
            var fraction = m.Groups[4].Value[1..];
            fraction = fraction.Length > 7 ? fraction[..7] : fraction.PadRight(7, '0');
            ticks = long.Parse(fraction, CultureInfo.InvariantCulture);
        }

        var local = new TimeOnly(h, min, s).Add(TimeSpan.FromTicks(ticks));
        TimeSpan? offset = null;
        if (m.Groups[5].Success)
        {
            offset = ParseOffset(m.Groups[5].Value);
            if (offset is null)
            {
                return null;
            }
        }

        string? zone = null;
        if (m.Groups[6].Success)
        {
            zone = m.Groups[6].Value;
            if (offset is not null || ZoneBaseOffset(zone) is null)
            {
                return null;
            }
        }

        return new FeelTime(local, offset, zone);
    }

    private static TimeSpan? ParseOffset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var h = int.Parse(text.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (h > 18 || m > 59)
        {
            return null;
        }

        return sign * new TimeSpan(h, m, 0);
    }

    public static FeelDateTime? ParseDateTime(string text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
        {
            return ParseDate(text) is { } date ? new FeelDateTime(date.ToDateTime(TimeOnly.MinValue)) : null;
        }

        var datePart = ParseDate(text[..t]);
        var timeText = text[(t + 1)..];
        var endOfDay = timeText.StartsWith("24:00:00", StringComparison.Ordinal);
        var timePart = ParseTime(timeText);
        if (datePart is not { } d || timePart is null)
        {
            return null;
        }

        var local = d.ToDateTime(timePart.LocalTime);
        if (endOfDay)
        {
            local = local.AddDays(1);
        }

        return new FeelDateTime(local, timePart.Offset, timePart.Zone);
    }

    /// <summary>Parses a duration: years-months (<c>P1Y2M</c>) or days-time (<c>P1DT2H</c>); mixed forms are refused.</summary>
    public static object? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success || text.EndsWith('T') || text.EndsWith('P'))
        {
            return null;
        }

        var negative = m.Groups[1].Success;
        var hasYm = m.Groups[2].Success || m.Groups[3].Success;
        var hasDt = m.Groups[4].Success || m.Groups[5].Success || m.Groups[6].Success || m.Groups[7].Success || m.Groups[8].Success;
        try
        {
            if (hasYm && !hasDt)
            {
                var months = checked((Number(m.Groups[2]) * 12) + Number(m.Groups[3]));
                return new FeelYearsMonthsDuration((int)checked(negative ? -months : months));
            }

            if (hasYm)
            {
                return null;
            }

            var days = checked((Number(m.Groups[4]) * 7) + Number(m.Groups[5]));
            var seconds = m.Groups[8].Success ? decimal.Parse(m.Groups[8].Value, CultureInfo.InvariantCulture) : 0m;
            var ticks = checked((((((days * 24) + Number(m.Groups[6])) * 60) + Number(m.Groups[7])) * 60 * TimeSpan.TicksPerSecond)
                + (long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
            return TimeSpan.FromTicks(negative ? -ticks : ticks);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long Number(Group g) => g.Success ? long.Parse(g.Value, CultureInfo.InvariantCulture) : 0;

    /// <summary>Parses what a <c>@"..."</c> literal may hold: date, time, date and time, or duration.</summary>
    public static object? ParseAny(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            return ParseDuration(text);
        }

        if (text.Contains('T'))
        {
            return ParseDateTime(text);
        }

        return (object?)ParseDate(text) ?? ParseTime(text);
    }

    /// <summary>A zone's standard offset: what a time of day (which has no date) in that zone is taken to mean.</summary>
    public static TimeSpan? ZoneBaseOffset(string zone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone).BaseUtcOffset;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    public static TimeSpan? ZoneOffset(string zone, DateTime local)
    {
        try
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return tz.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(FeelTime t) => FormatTime(t.LocalTime.ToTimeSpan()) + Suffix(t.Offset, t.Zone);

    public static string Format(FeelDateTime dt) => Format(DateOnly.FromDateTime(dt.Local)) + "T" + FormatTime(dt.Local.TimeOfDay) + Suffix(dt.Offset, dt.Zone);

    private static string FormatTime(TimeSpan t)
    {
        var text = t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        var fraction = t.Ticks % TimeSpan.TicksPerSecond;
        return fraction == 0 ? text : text + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    private static string Suffix(TimeSpan? offset, string? zone)
    {
        if (zone is not null)
        {
            return "@" + zone;
        }

        if (offset is not { } o)
        {
            return "";
        }

        if (o == TimeSpan.Zero)
        {
            return "Z";
        }

        return (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var sb = new StringBuilder();
        if (d < TimeSpan.Zero)
        {
            sb.Append('-');
            d = d.Duration();
        }

        sb.Append('P');
        if (d.Days > 0)
        {
            sb.Append(d.Days).Append('D');
        }

        if (d.Hours > 0 || d.Minutes > 0 || d.Seconds > 0 || d.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            sb.Append('T');
            if (d.Hours > 0)
            {
                sb.Append(d.Hours).Append('H');
            }

            if (d.Minutes > 0)
            {
                sb.Append(d.Minutes).Append('M');
            }

            var fraction = d.Ticks % TimeSpan.TicksPerSecond;
            if (d.Seconds > 0 || fraction != 0)
            {
                sb.Append(d.Seconds);
                if (fraction != 0)
                {
                    sb.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                sb.Append('S');
            }
        }

        return sb.ToString();
    }

    public static string Format(FeelYearsMonthsDuration d)
    {
        if (d.TotalMonths == 0)
        {
            return "P0M";
        }

        var sb = new StringBuilder(d.TotalMonths < 0 ? "-P" : "P");
        var total = Math.Abs((long)d.TotalMonths);
        if (total >= 12)
        {
            sb.Append(total / 12).Append('Y');
        }

        if (total % 12 != 0)
        {
            sb.Append(total % 12).Append('M');
        }

        return sb.ToString();
    }
}

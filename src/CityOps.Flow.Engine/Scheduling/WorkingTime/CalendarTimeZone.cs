using System.Globalization;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>Finds a calendar's zone: an installed IANA zone, a fixed offset written as <c>UTC+08:00</c>, or the declared fallback offset.</summary>
internal static partial class CalendarTimeZone
{
    public static TimeZoneInfo? Resolve(string id, TimeSpan? fallbackOffset, List<CalendarProblem> problems, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (TryParseFixedOffset(id, out var fixedOffset))
        {
            return FixedOffset(fixedOffset);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (fallbackOffset is { } offset)
            {
                warnings.Add(
                    $"Time zone '{id}' is not installed on this machine (install tzdata); using the fixed offset {FormatOffset(offset)}, which follows no daylight-saving rules.");
                return FixedOffset(offset);
            }

            problems.Add(new("timeZone", $"time zone '{id}' is not installed on this machine and no fallbackUtcOffset is given"));
            return null;
        }
    }

    /// <summary>
    /// The UTC ticks of a wall-clock time in a zone. A time skipped by a daylight-saving change becomes the first
    /// time that exists after it; a repeated time is read as standard time.
    /// </summary>
    public static long ToUtcTicks(DateTime local, TimeZoneInfo zone) => ToUtcTicks(local, zone, out _);

    /// <summary>As <see cref="ToUtcTicks(DateTime, TimeZoneInfo)"/>, also giving the zone's offset at that instant.</summary>
    public static long ToUtcTicks(DateTime local, TimeZoneInfo zone, out long offsetTicks)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var guard = 0; zone.IsInvalidTime(local) && guard < 24 * 60; guard++)
        {
            local = local.AddMinutes(1);
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks;
        offsetTicks = local.Ticks - utc;
        return utc;
    }

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var match = OffsetPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (match.Groups["sign"].Value == "-")
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryParseFixedOffset(string id, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var text = id.Trim();
        if (text is "UTC" or "Etc/UTC")
        {
            return true;
        }

        return text.StartsWith("UTC", StringComparison.Ordinal) && TryParseOffset(text[3..], out offset);
    }

    private static TimeZoneInfo FixedOffset(TimeSpan offset)
    {
        var name = "UTC" + FormatOffset(offset);
        return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
    }

    [GeneratedRegex(@"^(?<sign>[+-])(?<h>\d{1,2})(?::(?<m>\d{2}))?$")]
    private static partial Regex OffsetPattern();
}

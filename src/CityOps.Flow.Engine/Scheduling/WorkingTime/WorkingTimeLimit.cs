using System.Globalization;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// A time limit in one working unit, as routing tables write it: <c>P2D</c> is 2 working days (工作日),
/// <c>PT4H</c> 4 working hours, <c>PT15M</c> 15 working minutes, <c>PT1H30M</c> 90 working minutes.
/// Days and hours are never mixed, because "1 working day and 4 hours" has no agreed meaning.
/// </summary>
public sealed partial record WorkingTimeLimit
{
    private WorkingTimeLimit(int? workingDays, TimeSpan? workingTime)
    {
        WorkingDays = workingDays;
        WorkingTime = workingTime;
    }

    /// <summary>The limit in working days, when it was written in days.</summary>
    public int? WorkingDays { get; }

    /// <summary>The limit in working time, when it was written in hours, minutes or seconds.</summary>
    public TimeSpan? WorkingTime { get; }

    public static WorkingTimeLimit Days(int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        return new(workingDays, null);
    }

    public static WorkingTimeLimit Time(TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        return new(null, workingTime);
    }

    /// <summary>Reads <c>PnD</c> or <c>PTnHnMnS</c>; null with the reason when the text is not such a limit.</summary>
    public static WorkingTimeLimit? TryParse(string text, out string? error)
    {
        var match = IsoDuration().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT")
        {
            error = $"'{text}' is not a time limit; write working days as P2D or working time as PT4H, PT30M or PT1H30M";
            return null;
        }

        var days = match.Groups["d"];
        var hasTime = match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success;
        if (days.Success && hasTime)
        {
            error = $"'{text}' mixes working days and working hours; write the limit in one unit (P2D or PT20H)";
            return null;
        }

        error = null;
        if (days.Success)
        {
            return int.TryParse(days.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? Days(count)
                : Fail(text, out error);
        }

        var time = TimeSpan.FromHours(Number(match.Groups["h"]))
            + TimeSpan.FromMinutes(Number(match.Groups["m"]))
            + TimeSpan.FromSeconds(Number(match.Groups["s"]));
        return Time(time);
    }

    public override string ToString() =>
        WorkingDays is { } days
            ? $"P{days}D"
            : System.Xml.XmlConvert.ToString(WorkingTime!.Value);

    private static WorkingTimeLimit? Fail(string text, out string? error)
    {
        error = $"'{text}' has more working days than can be counted";
        return null;
    }

    private static double Number(Group group) =>
        group.Success ? double.Parse(group.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$")]
    private static partial Regex IsoDuration();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>
/// An ISO 8601 duration (P1Y2M3W4DT5H6M7.5S). Years and months are calendar units, so the duration is added to an
/// instant rather than converted to a fixed length.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public static IsoDuration FromTimeSpan(TimeSpan span) => new(0, 0, 0, span);

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    public DateTimeOffset AddTo(DateTimeOffset instant) => instant.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    /// <summary>Parses an ISO 8601 duration; null when <paramref name="text"/> is not one.</summary>
    public static IsoDuration? Parse(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT" || text.Trim().EndsWith('T'))
        {
            return null;
        }

        var years = Whole(match.Groups["y"]);
        var months = Whole(match.Groups["mo"]);
        var days = Whole(match.Groups["w"]) * 7 + Whole(match.Groups["d"]);
        var hours = Fraction(match.Groups["h"]);
        var minutes = Fraction(match.Groups["mi"]);
        var seconds = Fraction(match.Groups["s"]);
        if (years is null || months is null || days is null || hours is null || minutes is null || seconds is null)
        {
            return null;
        }

        var time = TimeSpan.FromTicks((long)Math.Round((hours.Value * 3600m + minutes.Value * 60m + seconds.Value) * TimeSpan.TicksPerSecond));
        return new IsoDuration(years.Value, months.Value, days.Value, time);
    }

    public override string ToString()
    {
        var text = "P"
            + (Years != 0 ? $"{Years}Y" : "")
            + (Months != 0 ? $"{Months}M" : "")
            + (Days != 0 ? $"{Days}D" : "");
        if (Time != TimeSpan.Zero)
        {
            text += "T"
                + (Time.Days * 24 + Time.Hours != 0 ? $"{Time.Days * 24 + Time.Hours}H" : "")
                + (Time.Minutes != 0 ? $"{Time.Minutes}M" : "")
                + (Time.Seconds != 0 || Time.Milliseconds != 0
                    ? (Time.Seconds + Time.Milliseconds / 1000m).ToString(CultureInfo.InvariantCulture) + "S"
                    : "");
        }

        return text == "P" ? "PT0S" : text;
    }

    private static int? Whole(Group group) =>
        !group.Success ? 0 : int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Fraction(Group group) =>
        !group.Success ? 0m
        : decimal.TryParse(group.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value
        : null;

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<mi>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>
/// A handling time limit (处置时限) in working time. Written as an ISO 8601 duration whose units mean working time:
/// <c>PT15M</c> = 15 working minutes, <c>PT4H</c> = 4 working hours, <c>P2D</c> = 2 working days. Mixed units are
/// refused because a working day is not a fixed number of working hours in every calendar.
/// </summary>
public readonly partial record struct TimeLimit
{
    /// <summary>The longest limit the catalogue accepts; anything longer is a typo.</summary>
    public const int MaxWorkingDays = 90;

    private TimeLimit(int amount, TimeLimitUnit unit)
    {
        Amount = amount;
        Unit = unit;
    }

    public int Amount { get; }

    public TimeLimitUnit Unit { get; }

    public static TimeLimit WorkingMinutes(int amount) => Create(amount, TimeLimitUnit.WorkingMinutes);

    public static TimeLimit WorkingHours(int amount) => Create(amount, TimeLimitUnit.WorkingHours);

    public static TimeLimit WorkingDays(int amount) => Create(amount, TimeLimitUnit.WorkingDays);

    /// <summary>Parses <c>PT15M</c>, <c>PT4H</c> or <c>P2D</c>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, out TimeLimit limit, out string? problem)
    {
        limit = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "a time limit is required, written as PT15M, PT4H or P2D (working minutes, hours or days)";
            return false;
        }

        var match = IsoPattern().Match(text);
        if (!match.Success)
        {
            problem = $"'{text}' is not a working-time limit; write one unit only: PT15M, PT4H or P2D";
            return false;
        }

        var (group, unit) = match.Groups["days"].Success ? ("days", TimeLimitUnit.WorkingDays)
            : match.Groups["hours"].Success ? ("hours", TimeLimitUnit.WorkingHours)
            : ("minutes", TimeLimitUnit.WorkingMinutes);
        if (!int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            problem = $"'{text}' is too large";
            return false;
        }

        problem = Check(amount, unit);
        if (problem is not null)
        {
            return false;
        }

        limit = new TimeLimit(amount, unit);
        return true;
    }

    public static TimeLimit Parse(string text) =>
        TryParse(text, out var limit, out var problem) ? limit : throw new FormatException(problem);

    /// <summary>The limit in working minutes, given how many working hours make a working day in the calendar at hand.</summary>
    public double ToWorkingMinutes(double workingHoursPerDay) => Unit switch
    {
        TimeLimitUnit.WorkingMinutes => Amount,
        TimeLimitUnit.WorkingHours => Amount * 60.0,
        _ => Amount * workingHoursPerDay * 60.0,
    };

    /// <summary>The ISO 8601 form used in the catalogue and the decision tables.</summary>
    public override string ToString() => Unit switch
    {
        TimeLimitUnit.WorkingMinutes => $"PT{Amount}M",
        TimeLimitUnit.WorkingHours => $"PT{Amount}H",
        _ => $"P{Amount}D",
    };

    private static TimeLimit Create(int amount, TimeLimitUnit unit) =>
        Check(amount, unit) is { } problem ? throw new ArgumentOutOfRangeException(nameof(amount), problem) : new TimeLimit(amount, unit);

    private static string? Check(int amount, TimeLimitUnit unit)
    {
        if (amount <= 0)
        {
            return "a time limit must be longer than zero";
        }

        var days = unit switch
        {
            TimeLimitUnit.WorkingMinutes => amount / (60.0 * 8),
            TimeLimitUnit.WorkingHours => amount / 8.0,
            _ => amount,
        };
        return days > MaxWorkingDays ? $"a time limit may not exceed {MaxWorkingDays} working days" : null;
    }

    [GeneratedRegex(@"^P(?:(?<days>\d{1,6})D|T(?:(?<hours>\d{1,6})H|(?<minutes>\d{1,6})M))$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}

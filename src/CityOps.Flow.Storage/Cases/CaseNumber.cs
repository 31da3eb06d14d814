using System.Globalization;

namespace CityOps.Flow.Storage;

/// <summary>Case numbers <c>PJ-yyyyMMdd-NNNNNN</c>: the day the case opened in the city's time zone and that day's serial.</summary>
public static class CaseNumber
{
    /// <summary>China Standard Time, which has had no daylight saving since 1991.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string DayOf(DateTimeOffset openedAt) =>
        openedAt.ToOffset(ChinaOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Format(string day, long serial) =>
        string.Create(CultureInfo.InvariantCulture, $"PJ-{day}-{serial:000000}");
}

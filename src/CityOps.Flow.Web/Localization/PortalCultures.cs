using System.Globalization;

namespace CityOps.Flow.Web.Localization;

/// <summary>The languages the portal speaks; zh-CN is the default for anyone who has not chosen.</summary>
public static class PortalCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    /// <summary>The supported name for <paramref name="culture"/> (case as listed), or null when not supported.</summary>
    public static string? Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the current UI culture is English (for choosing between a name and its English name).</summary>
    public static bool IsEnglish(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("en", StringComparison.OrdinalIgnoreCase);
}

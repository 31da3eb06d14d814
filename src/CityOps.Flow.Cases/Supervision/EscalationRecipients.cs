using System.Globalization;

namespace CityOps.Flow.Cases.Supervision;

/// <summary>
/// The people the escalation table (workflows/escalation.dmn) tells at each warning tier, by the codes the table uses,
/// with their names in Chinese and English; <c>leader:&lt;userId&gt;</c> is a leader following a key case (重点). A code
/// an administrator adds to the table without a name here is shown as written.
/// </summary>
public static class EscalationRecipients
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["handler"] = ("承办人", "the handler"),
        ["section chief"] = ("科室负责人", "the section chief"),
        ["department leader"] = ("部门领导", "the department leader"),
        ["district leader"] = ("区领导", "the district leader"),
    };

    public const string LeaderPrefix = "leader:";

    /// <summary>The recipient's name; a leader by <paramref name="personName"/> when it knows the user.</summary>
    public static string NameFor(string code, CultureInfo culture, Func<string, string?>? personName = null)
    {
        if (code.StartsWith(LeaderPrefix, StringComparison.Ordinal))
        {
            var userId = code[LeaderPrefix.Length..];
            return personName?.Invoke(userId) ?? userId;
        }

        return Names.TryGetValue(code, out var name) ? (IsChinese(culture) ? name.Zh : name.En) : code;
    }

    /// <summary>The recipients named in the reader's language, in the table's order (<c>承办人、科室负责人</c>; <c>the handler, the section chief</c>).</summary>
    public static string List(IEnumerable<string> codes, CultureInfo culture, Func<string, string?>? personName = null) =>
        string.Join(IsChinese(culture) ? "、" : ", ", codes.Select(code => NameFor(code, culture, personName)));

    private static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}

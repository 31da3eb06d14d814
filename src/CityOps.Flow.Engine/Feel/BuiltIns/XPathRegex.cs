using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Engine.Feel;

/// <summary>
/// XPath (XML Schema) regular expressions as FEEL's matches/replace/split use them, run on .NET's
/// non-backtracking engine so that no pattern can take exponential time.
/// </summary>
internal static class XPathRegex
{
    private static readonly ConcurrentDictionary<(string Pattern, string Flags), Regex?> Cache = new();

    public static Regex? Get(Evaluation ev, string pattern, string? flags)
    {
        flags ??= "";
        if (Cache.TryGetValue((pattern, flags), out var cached))
        {
            return cached ?? (Regex?)ev.Warn($"invalid regular expression '{pattern}'");
        }

        var options = RegexOptions.CultureInvariant;
        var literal = false;
        foreach (var f in flags)
        {
            switch (f)
            {
                case 's': options |= RegexOptions.Singleline; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                case 'q': literal = true; break;
                default:
                    ev.Warn($"invalid regular expression flag '{f}'");
                    return null;
            }
        }

        Regex? regex;
        try
        {
            var text = literal ? Regex.Escape(pattern) : pattern;
            try
            {
                regex = new Regex(text, options | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(500));
            }
            catch (NotSupportedException)
            {
                regex = new Regex(text, options, TimeSpan.FromMilliseconds(500));
            }
        }
        catch (ArgumentException)
        {
            regex = null;
        }

        if (Cache.Count < 1000)
        {
            Cache[(pattern, flags)] = regex;
        }

        return regex ?? (Regex?)ev.Warn($"invalid regular expression '{pattern}'");
    }

    /// <summary>Turns an XPath replacement (<c>$1</c>, <c>\$</c>, <c>\\</c>) into .NET's (<c>$1</c>, <c>$$</c>, <c>\</c>).</summary>
    public static string Replacement(string xpath)
    {
        var sb = new StringBuilder(xpath.Length);
        for (var i = 0; i < xpath.Length; i++)
        {
            var c = xpath[i];
            if (c == '\\' && i + 1 < xpath.Length)
            {
                var next = xpath[++i];
                sb.Append(next == '$' ? "$$" : next.ToString());
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

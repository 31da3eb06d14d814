using System.Globalization;
using System.Text;

namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddStrings(Registrar add)
    {
        add("substring", "string, start position, length?", (ev, a) =>
        {
            if (a is not [string s, decimal start, var length] || !IsInteger(start) || (length is not null and not decimal))
            {
                return Invalid(ev, "substring", a);
            }

            var runes = Runes(s);
            var from = start > 0 ? start - 1 : runes.Length + start;
            if (from < 0 || from > runes.Length)
            {
                from = Math.Clamp(from, 0, runes.Length);
            }

            var count = length is decimal l ? Math.Min(decimal.Floor(l), runes.Length - from) : runes.Length - from;
            return count <= 0 ? "" : string.Concat(runes.Skip((int)from).Take((int)count));
        });
        add("string length", "string", (ev, a) => a[0] is string s ? (decimal)CountRunes(s) : Invalid(ev, "string length", a));
        add("upper case", "string", (ev, a) => a[0] is string s ? s.ToUpperInvariant() : Invalid(ev, "upper case", a));
        add("lower case", "string", (ev, a) => a[0] is string s ? s.ToLowerInvariant() : Invalid(ev, "lower case", a));
        add("substring before", "string, match", (ev, a) => a is [string s, string m]
            ? (s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[..i] : "")
            : Invalid(ev, "substring before", a));
        add("substring after", "string, match", (ev, a) => a is [string s, string m]
            ? (s.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? s[(i + m.Length)..] : "")
            : Invalid(ev, "substring after", a));
        add("contains", "string, match", (ev, a) => a is [string s, string m] ? FeelValues.Bool(s.Contains(m, StringComparison.Ordinal)) : Invalid(ev, "contains", a));
        add("starts with", "string, match", (ev, a) => a is [string s, string m] ? FeelValues.Bool(s.StartsWith(m, StringComparison.Ordinal)) : Invalid(ev, "starts with", a));
        add("ends with", "string, match", (ev, a) => a is [string s, string m] ? FeelValues.Bool(s.EndsWith(m, StringComparison.Ordinal)) : Invalid(ev, "ends with", a));
        add("matches", "input, pattern, flags?", (ev, a) =>
        {
            if (a is not [string input, string pattern, var flags] || flags is not (null or string))
            {
                return Invalid(ev, "matches", a);
            }

            var regex = XPathRegex.Get(ev, pattern, flags as string);
            return regex is null ? null : FeelValues.Bool(regex.IsMatch(input));
        });
        add("replace", "input, pattern, replacement, flags?", (ev, a) =>
        {
            if (a is not [string input, string pattern, string replacement, var flags] || flags is not (null or string))
            {
                return Invalid(ev, "replace", a);
            }

            var regex = XPathRegex.Get(ev, pattern, flags as string);
            if (regex is null)
            {
                return null;
            }

            if (regex.IsMatch(""))
            {
                return ev.Warn("replace() pattern must not match the empty string");
            }

            return ev.CheckString(regex.Replace(input, XPathRegex.Replacement(replacement)));
        });
        add("split", "string, delimiter", (ev, a) =>
        {
            if (a is not [string s, string delimiter])
            {
                return Invalid(ev, "split", a);
            }

            var regex = XPathRegex.Get(ev, delimiter, null);
            return regex is null ? null : Checked(ev, [.. regex.Split(s)]);
        });
        add("string join", "list, delimiter?", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list || a[1] is not (null or string))
            {
                return Invalid(ev, "string join", a);
            }

            var sb = new StringBuilder();
            var first = true;
            foreach (var item in list)
            {
                if (item is null)
                {
                    continue;
                }

                if (item is not string s)
                {
                    return ev.Warn("string join() needs a list of strings");
                }

                if (!first)
                {
                    sb.Append(a[1] as string);
                }

                sb.Append(s);
                first = false;
                ev.CheckString(sb.Length > ev.Limits.MaxStringLength ? sb.ToString() : "");
            }

            return sb.ToString();
        });
    }

    private static string[] Runes(string s)
    {
        var result = new List<string>(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            result.Add(rune.ToString());
        }

        return [.. result];
    }

    private static int CountRunes(string s)
    {
        var count = 0;
        foreach (var c in s)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }
}

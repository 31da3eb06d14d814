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

            var total = CountRunes(s);
            var from = Math.Clamp(start > 0 ? start - 1 : total + start, 0, total);
            var count = length is decimal l ? Math.Min(decimal.Floor(l), total - from) : total - from;
            if (count <= 0)
            {
                return "";
            }

            var begin = CharIndex(s, (int)from);
            return s[begin..CharIndex(s, (int)(from + count), begin, (int)from)];
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

            // Grow the result under watch: a short input with many matches and a long replacement can explode.
            var netReplacement = XPathRegex.Replacement(replacement);
            var length = (long)input.Length;
            return ev.CheckString(regex.Replace(input, m =>
            {
                var text = m.Result(netReplacement);
                length += text.Length - m.Length;
                if (length > ev.Limits.MaxStringLength)
                {
                    throw new FeelLimitExceededException($"string longer than {ev.Limits.MaxStringLength} characters");
                }

                return text;
            }));
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

    /// <summary>The char index of the code point at <paramref name="codePoint"/>, scanning on from a known position.</summary>
    private static int CharIndex(string s, int codePoint, int fromChar = 0, int fromCodePoint = 0)
    {
        var i = fromChar;
        for (var k = fromCodePoint; k < codePoint && i < s.Length; k++)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }

        return i;
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

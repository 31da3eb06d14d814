using System.Text;

namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    /// <summary>
    /// DMN 1.5 additions (is, list replace, range) and the extensions Camunda 8 users rely on in BPMN expressions
    /// (get or else, is blank, trim, extract, last day of month, duplicate values, partition, string join with affixes).
    /// </summary>
    private static void AddCompatibility(Registrar add)
    {
        add("is", "value1, value2", (ev, a) => FeelValues.Bool(
            FeelValues.TypeName(a[0]) == FeelValues.TypeName(a[1]) && FeelValues.AreEqual(a[0], a[1]) == true
            && (a[0] is not FeelTime t1 || (t1.Offset == ((FeelTime)a[1]!).Offset && t1.Zone == ((FeelTime)a[1]!).Zone))
            && (a[0] is not FeelDateTime d1 || (d1.Offset == ((FeelDateTime)a[1]!).Offset && d1.Zone == ((FeelDateTime)a[1]!).Zone))));
        object? ListReplace(Evaluation ev, object?[] a)
        {
            if (a[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "list replace", a);
            }

            if (a[1] is decimal position)
            {
                if (!IsInteger(position) || position == 0 || Math.Abs(position) > list.Count)
                {
                    return ev.Warn("list replace() position is outside the list");
                }

                var copy = list.ToArray();
                copy[position > 0 ? (int)position - 1 : list.Count + (int)position] = a[2];
                return copy;
            }

            if (a[1] is FeelFunction match)
            {
                return list.Select(item => match.Invoke(ev, [item, a[2]]) is true ? a[2] : item).ToArray();
            }

            return Invalid(ev, "list replace", a);
        }

        add("list replace", "list, position, newItem", ListReplace);
        add("list replace", "list, match, newItem", ListReplace);
        add("range", "from", (ev, a) =>
        {
            if (a[0] is not string text)
            {
                return Invalid(ev, "range", a);
            }

            var parsed = ev.Engine.ParseExpression(text);
            if (!parsed.Success || parsed.Expression!.Body is not (LiteralNode or RangeNode))
            {
                return ev.Warn($"range(\"{text}\") is not a range literal");
            }

            var value = parsed.Expression.Body.Eval(ev);
            return value is FeelRange ? value : ev.Warn($"range(\"{text}\") is not a range literal");
        });
        add("get or else", "value, default", (_, a) => a[0] ?? a[1]);
        add("is blank", "string", (ev, a) => a[0] is string s ? FeelValues.Bool(string.IsNullOrWhiteSpace(s)) : Invalid(ev, "is blank", a));
        add("trim", "string", (ev, a) => a[0] is string s ? s.Trim() : Invalid(ev, "trim", a));
        add("extract", "string, pattern", (ev, a) =>
        {
            if (a is not [string s, string pattern])
            {
                return Invalid(ev, "extract", a);
            }

            var regex = XPathRegex.Get(ev, pattern, null);
            return regex is null ? null : Checked(ev, regex.Matches(s).Select(m => (object?)m.Value).ToList());
        });
        add("string join", "list, delimiter, prefix, suffix", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list || a[1] is not (null or string) || a[2] is not (null or string) || a[3] is not (null or string))
            {
                return Invalid(ev, "string join", a);
            }

            var sb = new StringBuilder((string?)a[2]);
            var first = true;
            foreach (var item in list.Where(i => i is not null))
            {
                if (item is not string s)
                {
                    return ev.Warn("string join() needs a list of strings");
                }

                sb.Append(first ? "" : (string?)a[1]).Append(s);
                first = false;
                if (sb.Length > ev.Limits.MaxStringLength)
                {
                    return ev.CheckString(sb.ToString());
                }
            }

            return sb.Append((string?)a[3]).ToString();
        });
        add("last day of month", "date", (ev, a) => DateOf(a[0]) is { } d
            ? new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month))
            : Invalid(ev, "last day of month", a));
        add("duplicate values", "list", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "duplicate values", a);
            }

            var seen = new HashSet<object?>(FeelValues.EqualityComparer);
            var reported = new HashSet<object?>(FeelValues.EqualityComparer);
            var duplicates = new List<object?>();
            foreach (var item in list)
            {
                ev.Step();
                if (!seen.Add(item) && reported.Add(item))
                {
                    duplicates.Add(item);
                }
            }

            return duplicates.ToArray();
        });
        add("partition", "list, size", (ev, a) =>
        {
            if (a is not [IReadOnlyList<object?> list, decimal size] || !IsInteger(size) || size <= 0)
            {
                return Invalid(ev, "partition", a);
            }

            return list.Chunk((int)Math.Min(size, int.MaxValue)).Select(c => (object?)c).ToArray();
        });
    }
}

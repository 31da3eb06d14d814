using System.Globalization;
using System.Text;

namespace CityOps.Flow.Engine.Feel;

/// <summary>The FEEL <c>string()</c> form of any value.</summary>
internal static class FeelText
{
    public static string Format(object? value) => Append(new StringBuilder(), value, quoteStrings: false).ToString();

    public static string Number(decimal d)
    {
        // Dividing by 1.000… drops the trailing zeros decimal keeps from its scale.
        var normal = d / 1.0000000000000000000000000000m;
        return normal.ToString(CultureInfo.InvariantCulture);
    }

    private static StringBuilder Append(StringBuilder sb, object? value, bool quoteStrings)
    {
        switch (value)
        {
            case null: return sb.Append("null");
            case string s: return quoteStrings ? sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"') : sb.Append(s);
            case bool b: return sb.Append(b ? "true" : "false");
            case decimal d: return sb.Append(Number(d));
            case DateOnly d: return sb.Append(TemporalText.Format(d));
            case FeelTime t: return sb.Append(TemporalText.Format(t));
            case FeelDateTime dt: return sb.Append(TemporalText.Format(dt));
            case TimeSpan ts: return sb.Append(TemporalText.Format(ts));
            case FeelYearsMonthsDuration ym: return sb.Append(TemporalText.Format(ym));
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, list[i], true);
                }

                return sb.Append(']');
            case FeelContext context:
                sb.Append('{');
                var first = true;
                foreach (var (key, item) in context)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    sb.Append(key).Append(": ");
                    Append(sb, item, true);
                }

                return sb.Append('}');
            case FeelRange r:
                if (r.Start is null)
                {
                    return Append(sb.Append(r.EndIncluded ? "<= " : "< "), r.End, true);
                }

                if (r.End is null)
                {
                    return Append(sb.Append(r.StartIncluded ? ">= " : "> "), r.Start, true);
                }

                sb.Append(r.StartIncluded ? '[' : '(');
                Append(sb, r.Start, true).Append("..");
                return Append(sb, r.End, true).Append(r.EndIncluded ? ']' : ')');
            case FeelFunction f: return sb.Append("function(").Append(string.Join(", ", f.ParameterNames)).Append(')');
            default: return sb.Append(value);
        }
    }
}

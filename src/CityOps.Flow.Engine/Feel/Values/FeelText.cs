using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CityOps.Flow.Engine.Feel;

/// <summary>The FEEL <c>string()</c> form of any value.</summary>
internal static class FeelText
{
    public static string Format(object? value) => Format(value, int.MaxValue);

    /// <summary>Formats a value, giving up (with a limit error) once the text passes <paramref name="maxLength"/>.</summary>
    public static string Format(object? value, int maxLength) => new Writer(maxLength).Append(value, quoteStrings: false).ToString();

    public static string Number(decimal d)
    {
        // Dividing by 1.000… drops the trailing zeros decimal keeps from its scale.
        var normal = d / 1.0000000000000000000000000000m;
        return normal.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class Writer(int maxLength)
    {
        private readonly StringBuilder sb = new();

        public override string ToString() => sb.ToString();

        public Writer Append(object? value, bool quoteStrings)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (sb.Length > maxLength)
            {
                throw new FeelLimitExceededException($"string longer than {maxLength} characters");
            }

            Write(value, quoteStrings);
            return this;
        }

        private void Write(object? value, bool quoteStrings)
        {
            switch (value)
            {
                case null: sb.Append("null"); break;
                case string s when quoteStrings: sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); break;
                case string s: sb.Append(s); break;
                case bool b: sb.Append(b ? "true" : "false"); break;
                case decimal d: sb.Append(Number(d)); break;
                case DateOnly d: sb.Append(TemporalText.Format(d)); break;
                case FeelTime t: sb.Append(TemporalText.Format(t)); break;
                case FeelDateTime dt: sb.Append(TemporalText.Format(dt)); break;
                case TimeSpan ts: sb.Append(TemporalText.Format(ts)); break;
                case FeelYearsMonthsDuration ym: sb.Append(TemporalText.Format(ym)); break;
                case IReadOnlyList<object?> list:
                    sb.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(", ");
                        }

                        Append(list[i], true);
                    }

                    sb.Append(']');
                    break;
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
                        Append(item, true);
                    }

                    sb.Append('}');
                    break;
                case FeelRange { Start: null } r:
                    sb.Append(r.EndIncluded ? "<= " : "< ");
                    Append(r.End, true);
                    break;
                case FeelRange { End: null } r:
                    sb.Append(r.StartIncluded ? ">= " : "> ");
                    Append(r.Start, true);
                    break;
                case FeelRange r:
                    sb.Append(r.StartIncluded ? '[' : '(');
                    Append(r.Start, true);
                    sb.Append("..");
                    Append(r.End, true);
                    sb.Append(r.EndIncluded ? ']' : ')');
                    break;
                case FeelFunction f: sb.Append("function(").Append(string.Join(", ", f.ParameterNames)).Append(')'); break;
                default: sb.Append(value); break;
            }
        }
    }
}

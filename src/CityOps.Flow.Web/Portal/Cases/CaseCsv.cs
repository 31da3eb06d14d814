using System.Text;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>RFC 4180 lines, with text that a spreadsheet would run as a formula neutralised.</summary>
public static class CaseCsv
{
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    /// <summary>
    /// Quotes a field holding a comma, quote or line break (doubling quotes). A field starting with = + - @ gets a
    /// leading apostrophe, because citizens write the descriptions and Excel would otherwise evaluate them.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c == '"' ? "\"\"" : c.ToString());
        }

        return quoted.Append('"').ToString();
    }
}

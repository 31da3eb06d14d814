using System.Globalization;
using System.Text;

namespace CityOps.Flow.Engine.Feel;

/// <summary>Splits FEEL source into tokens; skips whitespace and comments, reports the first lexical error.</summary>
internal static class Lexer
{
    // Full-width punctuation an input method slips in, and what was meant.
    private const string FullWidth = "（）【】，：＝＜＞＋－＊／？“”";
    private const string HalfWidth = "()[],:=<>+-*/?\"\"";

    private static readonly string[] Symbols = ["**", "..", "!=", "<=", ">=", "->", "+", "-", "*", "/", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "?"];

    public static List<Token> Tokenize(string source, List<FeelError> errors)
    {
        var tokens = new List<Token>();
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (true)
        {
            // whitespace and comments
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '\n')
                {
                    i++;
                    line++;
                    lineStart = i;
                }
                else if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
                {
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
                {
                    var (startLine, startColumn) = (line, i - lineStart + 1);
                    i += 2;
                    while (i < source.Length && !(source[i] == '*' && i + 1 < source.Length && source[i + 1] == '/'))
                    {
                        if (source[i] == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }

                        i++;
                    }

                    if (i >= source.Length)
                    {
                        errors.Add(new("unterminated comment starting", startLine, startColumn));
                        return tokens;
                    }

                    i += 2;
                }
                else
                {
                    break;
                }
            }

            var column = i - lineStart + 1;
            if (i >= source.Length)
            {
                tokens.Add(new(TokenKind.End, "", line, column, i));
                return tokens;
            }

            var ch = source[i];
            var start = i;
            if (char.IsAsciiDigit(ch) || (ch == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                {
                    i++;
                }

                if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
                {
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                if (i + 1 < source.Length && (source[i] == 'e' || source[i] == 'E')
                    && (char.IsAsciiDigit(source[i + 1]) || ((source[i + 1] == '+' || source[i + 1] == '-') && i + 2 < source.Length && char.IsAsciiDigit(source[i + 2]))))
                {
                    i += 2;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new(TokenKind.Number, source[start..i], line, column, start));
                continue;
            }

            if (ch == '"' || (ch == '@' && i + 1 < source.Length && source[i + 1] == '"'))
            {
                var temporal = ch == '@';
                i += temporal ? 2 : 1;
                var text = ReadString(source, ref i, ref line, ref lineStart, out var error);
                if (text is null || error is not null)
                {
                    errors.Add(new(error ?? "invalid string", line, column));
                    return tokens;
                }

                tokens.Add(new(temporal ? TokenKind.Temporal : TokenKind.String, text, line, column, start));
                continue;
            }

            if (IsNameStart(ch))
            {
                i++;
                while (i < source.Length && IsNamePart(source[i]))
                {
                    i++;
                }

                tokens.Add(new(TokenKind.Name, source[start..i], line, column, start));
                continue;
            }

            if (ch == '`')
            {
                var end = source.IndexOf('`', i + 1);
                if (end < 0)
                {
                    errors.Add(new("unterminated `quoted name`", line, column));
                    return tokens;
                }

                tokens.Add(new(TokenKind.Name, source[(i + 1)..end], line, column, start));
                i = end + 1;
                continue;
            }

            string? symbol = null;
            foreach (var candidate in Symbols)
            {
                if (string.CompareOrdinal(source, i, candidate, 0, candidate.Length) == 0)
                {
                    symbol = candidate;
                    break;
                }
            }

            if (symbol is null)
            {
                var hint = FullWidth.IndexOf(ch) is var k and >= 0 ? $" (a full-width character; write '{HalfWidth[k]}')" : "";
                errors.Add(new($"unexpected character '{ch}'{hint}", line, column));
                return tokens;
            }

            tokens.Add(new(TokenKind.Symbol, symbol, line, column, start));
            i += symbol.Length;
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c == '$' || char.IsSurrogate(c);

    private static bool IsNamePart(char c) => IsNameStart(c) || char.IsDigit(c) || c == '\'' || c == '\u00B7';

    private static string? ReadString(string s, ref int i, ref int line, ref int lineStart, out string? error)
    {
        error = null;
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c == '\n')
            {
                line++;
                lineStart = i;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= s.Length)
            {
                break;
            }

            var e = s[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case 'u' or 'U':
                    var digits = e == 'u' ? 4 : 6;
                    if (i + digits > s.Length || !int.TryParse(s.AsSpan(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF)
                    {
                        error = "invalid unicode escape in string";
                        return null;
                    }

                    i += digits;
                    sb.Append(code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    break;
                default:
                    error = $"invalid escape '\\{e}' in string";
                    return null;
            }
        }

        error = "unterminated string";
        return null;
    }
}

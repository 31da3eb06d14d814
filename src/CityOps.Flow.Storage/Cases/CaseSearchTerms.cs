using System.Text;

namespace CityOps.Flow.Storage;

/// <summary>
/// The terms the keyword index holds: every pair of adjacent Chinese characters (bigrams, so a two-character word
/// such as 井盖 is found inside 窨井盖缺失) and every Latin or digit word lower-cased. A keyword is looked up by all of its
/// terms and rechecked as a substring, so the index only narrows the candidates.
/// </summary>
public static class CaseSearchTerms
{
    /// <summary>The distinct terms of the text, sorted.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var word = new StringBuilder();
        char? previousHan = null;
        foreach (var c in text)
        {
            if (IsHan(c))
            {
                Flush(word, terms);
                if (previousHan is { } before)
                {
                    terms.Add(string.Concat(before, c));
                }

                previousHan = c;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                previousHan = null;
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                previousHan = null;
                Flush(word, terms);
            }
        }

        Flush(word, terms);
        return [.. terms];
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static void Flush(StringBuilder word, SortedSet<string> terms)
    {
        if (word.Length > 0)
        {
            terms.Add(word.ToString());
            word.Clear();
        }
    }
}

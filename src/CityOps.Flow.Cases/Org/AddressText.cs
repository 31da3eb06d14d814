using System.Globalization;
using System.Text;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// Chinese address text made comparable: full-width forms folded (NFKC: "１２号" is "12号"), Latin lower-cased,
/// spaces and punctuation dropped; and a typing-error-tolerant similarity for names.
/// </summary>
public static class AddressText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) && category != UnicodeCategory.ModifierLetter)
            {
                kept.Append(char.ToLowerInvariant(c));
            }
        }

        return kept.ToString();
    }

    /// <summary>1 − edit distance ÷ the longer length: 1 for equal strings, 0.75 for one wrong character in four.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)EditDistance(a, b) / longer;
    }

    /// <summary>
    /// How well <paramref name="name"/> appears somewhere in <paramref name="text"/>, allowing a character too many,
    /// too few or mistyped: the best similarity over windows one shorter to one longer than the name, and where.
    /// </summary>
    public static (double Similarity, int Start, int Length) BestWindow(string text, string name)
    {
        var best = (Similarity: 0d, Start: 0, Length: 0);
        for (var length = Math.Max(1, name.Length - 1); length <= name.Length + 1; length++)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                var similarity = Similarity(text.AsSpan(start, length), name);
                if (similarity > best.Similarity)
                {
                    best = (similarity, start, length);
                }
            }
        }

        return best;
    }

    private static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}

using System.Text.Json;
using CityOps.Flow.Engine.Tests.Dmn;

namespace CityOps.Flow.Engine.Tests.FeelDifferential;

/// <summary>Loads corpus.json, the feelin reference values (expected.json) and the documented known differences.</summary>
public static class DifferentialCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, DifferentialEntry>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, DifferentialEntry> Entries => Loaded.Value;

    public static string FilePath(string name) =>
        DmnTestData.RepositoryFile("tests", "CityOps.Flow.Engine.Tests", "FeelDifferential", name);

    private static IReadOnlyDictionary<string, DifferentialEntry> Load()
    {
        using var corpus = JsonDocument.Parse(File.ReadAllText(FilePath("corpus.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(FilePath("expected.json")));
        using var known = JsonDocument.Parse(File.ReadAllText(FilePath("known-differences.json")));
        var reference = expected.RootElement.GetProperty("expected");
        var differences = known.RootElement.GetProperty("differences").EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.Clone());

        var entries = new Dictionary<string, DifferentialEntry>();
        foreach (var item in corpus.RootElement.GetProperty("entries").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var value = reference.GetProperty(id);
            var syntaxError = value.TryGetProperty("syntaxError", out _);
            string? why = null;
            var expectedValue = syntaxError ? default : value.GetProperty("value").Clone();
            if (differences.TryGetValue(id, out var difference))
            {
                why = difference.GetProperty("spec reference").GetString();
                syntaxError = difference.TryGetProperty("syntaxError", out var flag) && flag.GetBoolean();
                expectedValue = syntaxError ? default : difference.GetProperty("spec value").Clone();
            }

            entries[id] = new DifferentialEntry(id, item.GetProperty("kind").GetString()!, item.GetProperty("text").GetString()!)
            {
                Context = item.TryGetProperty("context", out var context) ? context.Clone() : null,
                Input = item.TryGetProperty("input", out var input) ? input.Clone() : null,
                Expected = expectedValue,
                ExpectsSyntaxError = syntaxError,
                KnownDifference = why,
            };
        }

        var unknown = differences.Keys.Where(k => !entries.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"known-differences.json names entries that are not in the corpus: {string.Join(", ", unknown)}");
        }

        return entries;
    }
}

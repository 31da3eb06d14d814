using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;
using Xunit.Abstractions;

namespace CityOps.Flow.Engine.Tests.FeelDifferential;

/// <summary>Our FEEL engine against feelin's reference values (tests/feel-reference), entry by entry.</summary>
public sealed class FeelDifferentialTests(ITestOutputHelper output)
{
    private static readonly FeelEngine Feel = new(new AdjustableClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8))));

    public static TheoryData<string> EntryIds() => new(DifferentialCorpus.Entries.Keys);

    [Theory]
    [MemberData(nameof(EntryIds))]
    public void Feel_entry_evaluates_to_the_reference_value(string id)
    {
        var entry = DifferentialCorpus.Entries[id];

        var mismatch = DifferentialCheck.Mismatch(Feel, entry);

        Assert.True(mismatch is null, $"{id} `{entry.Text}`: {mismatch}{(entry.KnownDifference is null ? "" : $" (spec value, {entry.KnownDifference})")}");
    }

    [Fact]
    public void Corpus_covers_at_least_three_hundred_entries_and_every_one_agrees()
    {
        var entries = DifferentialCorpus.Entries.Values.ToList();
        var mismatches = entries.Select(e => (e, mismatch: DifferentialCheck.Mismatch(Feel, e))).Where(r => r.mismatch is not null).ToList();

        foreach (var (entry, mismatch) in mismatches)
        {
            output.WriteLine($"{entry.Id} `{entry.Text}`: {mismatch}");
        }

        output.WriteLine($"FEEL differential: {entries.Count - mismatches.Count} passed, {mismatches.Count} failed");
        Assert.True(entries.Count >= 300, $"the corpus has {entries.Count} entries");
        Assert.Empty(mismatches.Select(m => m.e.Id));
    }

    [Fact]
    public void Corpus_exercises_every_builtin_and_unary_test_form()
    {
        string[] builtIns =
        [
            "date(", "time(", "date and time(", "duration(", "years and months duration(", "number(", "string(", "substring(",
            "string length(", "upper case(", "lower case(", "substring before(", "substring after(", "contains(", "starts with(",
            "ends with(", "matches(", "replace(", "split(", "string join(", "list contains(", "count(", "min(", "max(", "sum(",
            "mean(", "all(", "any(", "sublist(", "append(", "concatenate(", "insert before(", "remove(", "reverse(", "index of(",
            "union(", "distinct values(", "flatten(", "sort(", "decimal(", "floor(", "ceiling(", "abs(", "modulo(", "sqrt(",
            "odd(", "even(", "day of week(", "day of year(", "week of year(", "month of year(", "get value(", "get entries(",
        ];
        var expressions = DifferentialCorpus.Entries.Values.Where(e => !e.IsUnaryTest).Select(e => e.Text).ToList();
        var unaryTests = DifferentialCorpus.Entries.Values.Where(e => e.IsUnaryTest).Select(e => e.Text.Trim()).ToList();

        var missing = builtIns.Where(b => !expressions.Any(t => t.Contains(b, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, $"no corpus entry calls {string.Join(", ", missing)}");
        Assert.Contains("-", unaryTests);
        Assert.Contains("null", unaryTests);
        Assert.Contains(unaryTests, t => t.StartsWith("not(", StringComparison.Ordinal));
        Assert.Contains(unaryTests, t => t.StartsWith('['));
        Assert.Contains(unaryTests, t => t.StartsWith('<') || t.StartsWith('>'));
        Assert.Contains(unaryTests, t => t.Contains('?'));
        Assert.Contains(unaryTests, t => t.Contains(','));
    }
}

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
}

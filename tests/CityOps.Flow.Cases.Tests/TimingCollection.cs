namespace CityOps.Flow.Cases.Tests;

/// <summary>Tests that assert a time bound run alone, not alongside the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}

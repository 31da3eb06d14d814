namespace CityOps.Flow.Engine.Feel;

/// <summary>The value of an evaluation; as DMN prescribes, a runtime error gives null and says why in the warnings.</summary>
public sealed record FeelResult(object? Value, IReadOnlyList<string> Warnings);

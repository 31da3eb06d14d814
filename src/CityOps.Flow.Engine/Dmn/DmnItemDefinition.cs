namespace CityOps.Flow.Engine.Dmn;

/// <summary>A named type: a base type reference, or components forming a structure, optionally a collection.</summary>
public sealed record DmnItemDefinition(string Name, string? TypeRef, bool IsCollection)
{
    public string? AllowedValuesText { get; init; }

    public IReadOnlyList<DmnItemDefinition> Components { get; init; } = [];
}

namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>One TCK test case: a model, the input node values and the expected decision results.</summary>
public sealed record TckCase(string Folder, string ModelPath, string CaseId)
{
    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    public required IReadOnlyList<TckExpectedResult> Results { get; init; }
}

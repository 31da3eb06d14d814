namespace CityOps.Flow.Cases.Catalog;

/// <summary>One thing wrong with a catalogue file: where (a JSON path such as <c>categories[12].timeLimit</c>) and what.</summary>
public sealed record CatalogProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

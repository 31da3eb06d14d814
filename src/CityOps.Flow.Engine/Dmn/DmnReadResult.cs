namespace CityOps.Flow.Engine.Dmn;

/// <summary>Either deployable definitions or every problem that prevents deployment.</summary>
public sealed record DmnReadResult(DmnDefinitions? Definitions, IReadOnlyList<DmnProblem> Problems)
{
    public bool Success => Definitions is not null && Problems.Count == 0;
}

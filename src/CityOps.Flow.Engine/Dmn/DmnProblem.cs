namespace CityOps.Flow.Engine.Dmn;

/// <summary>A reason a DMN document was refused, with the XML position (1-based) of the offending element.</summary>
public sealed record DmnProblem(string Message, string? ElementId, int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column} {(ElementId is null ? "" : $"[{ElementId}] ")}{Message}";
}

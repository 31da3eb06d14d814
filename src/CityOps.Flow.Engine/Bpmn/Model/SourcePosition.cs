namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Where an element starts in the BPMN XML (1-based line and column; 0 when unknown).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Unknown => default;

    public override string ToString() => $"{Line}:{Column}";
}

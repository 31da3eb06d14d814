namespace CityOps.Flow.Engine.Dmn;

/// <summary>A rule (row) of a decision table; Number is its 1-based position as a modeller sees it.</summary>
public sealed record DmnRule(string? Id, int Number, IReadOnlyList<DmnFeelExpression> InputEntries, IReadOnlyList<DmnFeelExpression> OutputEntries)
{
    public string? Description { get; init; }

    /// <summary>DMN 1.3+ annotation entries, in the order of the table's annotation columns.</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    public override string ToString() => Id is null ? $"rule {Number}" : $"rule {Number} ({Id})";
}

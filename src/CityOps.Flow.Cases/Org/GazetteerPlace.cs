using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>A named point: a residential compound (小区), an office, a school, a station.</summary>
public sealed record GazetteerPlace
{
    public required string Name { get; init; }

    public string NameEn { get; init; } = "";

    /// <summary><c>compound</c>, <c>office</c>, <c>school</c>, <c>hospital</c>, <c>park</c>, <c>metro</c> ...</summary>
    public required string Kind { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required GeoPoint Point { get; init; }
}

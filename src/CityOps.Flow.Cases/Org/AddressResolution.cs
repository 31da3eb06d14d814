using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>An address resolved to a point and its street, community and grid, or the reason it could not be.</summary>
public sealed record AddressResolution
{
    public GeoPoint? Point { get; init; }

    public AreaPlacement? Placement { get; init; }

    public AddressPrecision? Precision { get; init; }

    /// <summary>What the address was read as: <c>三林路120号</c>, <c>江月花苑</c>.</summary>
    public string? MatchedName { get; init; }

    /// <summary>A remark on a resolution that needed judgement (a house number beyond the road's range, a typing error corrected).</summary>
    public string? Note { get; init; }

    /// <summary>Why nothing could be resolved; null when resolved.</summary>
    public string? Problem { get; init; }

    public bool IsResolved => Problem is null;

    public static AddressResolution Unresolved(string problem) => new() { Problem = problem };
}

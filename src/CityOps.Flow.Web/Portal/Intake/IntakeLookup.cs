using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>What the desk knows while the operator types: where the address is, names to offer, and open cases nearby.</summary>
public sealed record IntakeLookup
{
    public static IntakeLookup Empty { get; } = new();

    public IntakePlaceView? Place { get; init; }

    /// <summary>Why the typed address could not be placed (null when nothing was typed or it was placed).</summary>
    public string? AddressProblem { get; init; }

    public IReadOnlyList<AddressSuggestion> Suggestions { get; init; } = [];

    public IReadOnlyList<NearbyCase> Nearby { get; init; } = [];

    /// <summary>Whether a category was recognised (nearby cases are looked for only then).</summary>
    public bool HasCategory { get; init; }
}

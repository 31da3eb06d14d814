namespace CityOps.Flow.Cases.Org;

/// <summary>The tiers of city administration, from the district down to the inspector's grid (网格).</summary>
public enum AreaLevel
{
    District,
    Street,
    Community,
    Grid,
}

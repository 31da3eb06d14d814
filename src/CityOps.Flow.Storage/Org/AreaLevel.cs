namespace CityOps.Flow.Storage;

/// <summary>The tiers of city administration an area belongs to, from the district down to the inspector's grid.</summary>
public enum AreaLevel
{
    District,
    Street,
    Community,
    Grid,
}

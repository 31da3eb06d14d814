namespace CityOps.Flow.Cases.Org;

/// <summary>How a position was placed in the area tree.</summary>
public enum PlacementMethod
{
    /// <summary>Inside the boundary of every area down to the one found.</summary>
    Boundary,

    /// <summary>At some level no boundary held the point, and the nearest centre decided from there down.</summary>
    NearestCentre,
}

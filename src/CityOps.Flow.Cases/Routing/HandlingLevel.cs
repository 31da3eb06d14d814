namespace CityOps.Flow.Cases.Routing;

/// <summary>The level that handles a case: 小事不出村 (community), 中事不出镇 (street), 大事不出区 (district).</summary>
public enum HandlingLevel
{
    Community,
    Street,
    District,
}

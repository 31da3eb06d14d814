namespace CityOps.Flow.Storage;

/// <summary>What key figures are broken down by.</summary>
public enum KpiGrouping
{
    Department,
    Street,
    Community,
    Category,
    Channel,
}

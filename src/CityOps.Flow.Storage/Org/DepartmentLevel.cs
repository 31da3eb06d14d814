namespace CityOps.Flow.Storage;

/// <summary>The administrative tier a department works at.</summary>
public enum DepartmentLevel
{
    Community,
    Street,
    District,
}

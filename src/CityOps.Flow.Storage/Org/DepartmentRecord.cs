namespace CityOps.Flow.Storage;

/// <summary>A department that handles cases, attached to the area it serves.</summary>
public sealed record DepartmentRecord(string Id, string Name, string NameEn, string AreaId, DepartmentLevel Level);

namespace CityOps.Flow.Storage;

/// <summary>A role such as dispatcher or handler; <see cref="NormalizedName"/> is the unique lookup key.</summary>
public sealed record RoleRecord(string Id, string Name, string NormalizedName);

namespace CityOps.Flow.Storage;

/// <summary>A portal user as stored; the fields ASP.NET Core Identity needs plus language, department and area.</summary>
public sealed record UserRecord
{
    public required string Id { get; init; }

    public required string UserName { get; init; }

    public required string NormalizedUserName { get; init; }

    public required string DisplayName { get; init; }

    public string? Email { get; init; }

    public string? NormalizedEmail { get; init; }

    public string? PasswordHash { get; init; }

    public required string SecurityStamp { get; init; }

    public required string ConcurrencyStamp { get; init; }

    public DateTimeOffset? LockoutEnd { get; init; }

    public bool LockoutEnabled { get; init; }

    public int AccessFailedCount { get; init; }

    /// <summary>A BCP 47 culture name such as "zh-CN" or "en"; null follows the browser.</summary>
    public string? PreferredLanguage { get; init; }

    public string? DepartmentId { get; init; }

    public string? AreaId { get; init; }
}

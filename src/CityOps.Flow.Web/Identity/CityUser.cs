namespace CityOps.Flow.Web.Identity;

/// <summary>
/// A portal user as ASP.NET Core Identity sees it. Identity changes the object in place (password hash, failed
/// count, stamps) before asking the store to save it, so this is a mutable class over the stored user row.
/// </summary>
public sealed class CityUser
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public required string UserName { get; set; }

    public string? NormalizedUserName { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    public string? NormalizedEmail { get; set; }

    public string? PasswordHash { get; set; }

    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public DateTimeOffset? LockoutEnd { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    public int AccessFailedCount { get; set; }

    /// <summary>"zh-CN" or "en"; null until the user chooses.</summary>
    public string? PreferredLanguage { get; set; }

    public string? DepartmentId { get; set; }

    public string? AreaId { get; set; }
}

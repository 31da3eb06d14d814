namespace CityOps.Flow.Web.Identity;

/// <summary>A role as ASP.NET Core Identity's role manager sees it; names are those in <see cref="CityRoles"/>.</summary>
public sealed class CityRole
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    public required string Name { get; set; }

    public string? NormalizedName { get; set; }
}

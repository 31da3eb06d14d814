using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

/// <summary>Makes sure every role of <see cref="CityRoles"/> exists; the roles are part of the product, not of the demo.</summary>
public sealed class RoleSetup(RoleManager<CityRole> roles, ILogger<RoleSetup> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var name in CityRoles.All)
        {
            if (await roles.RoleExistsAsync(name))
            {
                continue;
            }

            var result = await roles.CreateAsync(new CityRole { Name = name });
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Role '{name}' could not be created: {string.Join(" ", result.Errors.Select(error => error.Description))}");
            }

            logger.LogInformation("Created role {Role}", name);
        }
    }
}

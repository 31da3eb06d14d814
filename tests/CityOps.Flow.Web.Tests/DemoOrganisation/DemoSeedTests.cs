using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.DemoOrganisation;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task First_start_seeds_the_pujiang_district_with_one_user_per_role()
    {
        await using var host = new PortalHost();
        _ = host.Services;

        var org = host.Services.GetRequiredService<OrgRepository>();
        var areas = await org.ListAreasAsync();
        var departments = await org.ListDepartmentsAsync();
        var users = host.Services.GetRequiredService<UserRepository>();

        Assert.Equal("浦江区", Assert.Single(areas, area => area.Level == AreaLevel.District).Name);
        Assert.Equal(10, areas.Count(area => area.Level == AreaLevel.Street));
        Assert.Equal(30, areas.Count(area => area.Level == AreaLevel.Community));
        Assert.All(areas, area => Assert.True(area.Latitude is > 30 and < 32 && area.Longitude is > 121 and < 122, area.Id));
        Assert.Contains(departments, department => department.Level == DepartmentLevel.District);
        Assert.Contains(departments, department => department.Level == DepartmentLevel.Street);
        Assert.Contains(departments, department => department.Level == DepartmentLevel.Community);
        foreach (var role in CityRoles.All)
        {
            Assert.Single(await users.GetUsersInRoleAsync(role.ToUpperInvariant()));
        }
    }

    [Fact]
    public async Task Demo_password_from_configuration_replaces_the_file_passwords()
    {
        await using var host = new PortalHost(
            settings: new Dictionary<string, string?> { ["CityOps:DemoPassword"] = "Pujiang-Only#9" });
        var client = new PortalClient(host);

        Assert.False(PortalClient.SetsAuthCookie(await client.SignInAsync("handler", "Handler#2026")));
        Assert.True(PortalClient.SetsAuthCookie(await client.SignInAsync("handler", "Pujiang-Only#9")));
    }
}

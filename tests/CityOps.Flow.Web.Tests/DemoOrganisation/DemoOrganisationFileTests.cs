using CityOps.Flow.Storage;
using CityOps.Flow.Web.DemoOrganisation;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Tests.DemoOrganisation;

public sealed class DemoOrganisationFileTests
{
    private static string ShippedFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CityOps.Flow.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("CityOps.Flow.sln not found above the test binaries."), "samples", "demo-district.json");
    }

    [Fact]
    public async Task Shipped_demo_district_is_consistent()
    {
        var file = await DemoOrganisationFile.LoadAsync(ShippedFile());

        Assert.Empty(file.Problems());
        Assert.Equal(CityRoles.All.Order(), file.Users.SelectMany(user => user.Roles).Order());
        Assert.InRange(file.Departments.Count(department => department.Level == DepartmentLevel.District), 10, 20);
    }

    [Fact]
    public void Problems_name_every_dangling_reference()
    {
        var file = new DemoOrganisationFile
        {
            Areas =
            [
                new DemoArea("d", null, "区", "District", AreaLevel.District, 31, 121),
                new DemoArea("s", "missing", "街道", "Street", AreaLevel.Street, 31, 121),
                new DemoArea("c", "d", "社区", "Community", AreaLevel.Street, 31, 121),
            ],
            Departments = [new DemoDepartment("x", "部门", "Dept", "nowhere", DepartmentLevel.District)],
            Users = [new DemoUser("u", "用户", ["mayor"], "Pass#1234", null, "ghost", null)],
        };

        Assert.Equal(
            [
                "Area 's' names parent 'missing', which is not in the file.",
                "Department 'x' names area 'nowhere', which is not in the file.",
                "User 'u' has role 'mayor'; known roles are operator, dispatcher, handler, supervisor, leader, auditor, administrator.",
                "User 'u' names department 'ghost', which is not in the file.",
            ],
            file.Problems());
    }
}

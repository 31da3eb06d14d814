using System.Data.Common;
using CityOps.Flow.Storage.Tests.Databases;
using CityOps.Flow.Storage.Tests.Users;

namespace CityOps.Flow.Storage.Tests.Org;

public sealed class OrgRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly AreaRecord Pudong = new("310115", null, "浦东新区", "Pudong New Area", AreaLevel.District, 31.2215, 121.5447, null);
    private static readonly AreaRecord Lujiazui = new("310115004", "310115", "陆家嘴街道", "Lujiazui Subdistrict", AreaLevel.Street, 31.2335, 121.5058, null);
    private static readonly AreaRecord Meiyuan = new("310115004001", "310115004", "梅园一村居委会", "Meiyuan No.1 Community", AreaLevel.Community, 31.2301, 121.5231, null);

    private static readonly AreaRecord Grid = new(
        "310115004001G01",
        "310115004001",
        "梅园一村第1网格",
        "Meiyuan No.1 Grid 1",
        AreaLevel.Grid,
        31.2298,
        121.5226,
        """{"type":"Polygon","coordinates":[[[121.5220,31.2294],[121.5232,31.2294],[121.5232,31.2302],[121.5220,31.2302],[121.5220,31.2294]]]}""");

    private static readonly DepartmentRecord UrbanManagement = new("D-310115-CG", "浦东新区城管执法局", "Pudong Urban Management", "310115", DepartmentLevel.District);
    private static readonly DepartmentRecord StreetOffice = new("D-310115004-BSC", "陆家嘴街道城运中心", "Lujiazui Operations Centre", "310115004", DepartmentLevel.Street);
    private static readonly DepartmentRecord Neighbourhood = new("D-310115004001-JW", "梅园一村居委会", "Meiyuan No.1 Residents' Committee", "310115004001", DepartmentLevel.Community);

    private async Task<(OrgRepository Org, IDbConnectionFactory Database)> EmptyOrgAsync(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        return (new OrgRepository(database), database);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_area_tree_lists_parents_before_children_with_coordinates_and_boundary(SqlDialect dialect)
    {
        var (org, _) = await EmptyOrgAsync(dialect);
        foreach (var area in new[] { Pudong, Lujiazui, Meiyuan, Grid })
        {
            await org.UpsertAreaAsync(area);
        }

        var areas = await org.ListAreasAsync();

        Assert.Equal([Pudong, Lujiazui, Meiyuan, Grid], areas);
        Assert.Equal(4, await org.CountAreasAsync());
        var byId = areas.ToDictionary(a => a.Id);
        Assert.All(areas.Where(a => a.ParentId is not null), a => Assert.True(byId[a.ParentId!].Level < a.Level));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Upserting_an_area_again_replaces_it(SqlDialect dialect)
    {
        var (org, _) = await EmptyOrgAsync(dialect);
        await org.UpsertAreaAsync(Pudong);
        await org.UpsertAreaAsync(Lujiazui);

        var renamed = Lujiazui with { NameEn = "Lujiazui Street", Latitude = null, Longitude = null };
        await org.UpsertAreaAsync(renamed);

        Assert.Equal([Pudong, renamed], await org.ListAreasAsync());
        Assert.Equal(2, await org.CountAreasAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Departments_are_listed_by_area_and_upserts_replace_them(SqlDialect dialect)
    {
        var (org, _) = await EmptyOrgAsync(dialect);
        foreach (var area in new[] { Pudong, Lujiazui, Meiyuan })
        {
            await org.UpsertAreaAsync(area);
        }

        await org.UpsertDepartmentAsync(Neighbourhood);
        await org.UpsertDepartmentAsync(StreetOffice);
        await org.UpsertDepartmentAsync(UrbanManagement);
        var moved = StreetOffice with { Name = "陆家嘴街道网格化综合管理中心", NameEn = "Lujiazui Grid Management Centre" };
        await org.UpsertDepartmentAsync(moved);

        Assert.Equal([UrbanManagement, moved, Neighbourhood], await org.ListDepartmentsAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Foreign_keys_refuse_orphans(SqlDialect dialect)
    {
        var (org, database) = await EmptyOrgAsync(dialect);
        await org.UpsertAreaAsync(Pudong);
        var users = new UserRepository(database);

        await Assert.ThrowsAnyAsync<DbException>(() => org.UpsertAreaAsync(Meiyuan));
        await Assert.ThrowsAnyAsync<DbException>(() => org.UpsertDepartmentAsync(StreetOffice));
        await Assert.ThrowsAnyAsync<DbException>(() =>
            users.CreateAsync(UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("orphan")) with { DepartmentId = "D-nowhere" }));

        Assert.Equal([Pudong], await org.ListAreasAsync());
        Assert.Empty(await org.ListDepartmentsAsync());
        Assert.Equal(0, await users.CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_user_belongs_to_a_department_and_an_area(SqlDialect dialect)
    {
        var (org, database) = await EmptyOrgAsync(dialect);
        await org.UpsertAreaAsync(Pudong);
        await org.UpsertAreaAsync(Lujiazui);
        await org.UpsertDepartmentAsync(StreetOffice);
        var users = new UserRepository(database);
        var dispatcher = UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("lujiazui")) with
        {
            DepartmentId = StreetOffice.Id,
            AreaId = Lujiazui.Id,
        };

        await users.CreateAsync(dispatcher);

        var stored = await users.FindByIdAsync(dispatcher.Id);
        Assert.Equal(StreetOffice.Id, stored!.DepartmentId);
        Assert.Equal(Lujiazui.Id, stored.AreaId);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_boundary_that_is_not_json_is_refused(SqlDialect dialect)
    {
        var (org, _) = await EmptyOrgAsync(dialect);
        await org.UpsertAreaAsync(Pudong);

        await Assert.ThrowsAnyAsync<DbException>(() => org.UpsertAreaAsync(Lujiazui with { BoundaryGeoJson = "POLYGON((121.5 31.2, ...))" }));

        Assert.Equal([Pudong], await org.ListAreasAsync());
    }
}

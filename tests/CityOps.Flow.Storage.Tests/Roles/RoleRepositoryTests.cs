using CityOps.Flow.Storage.Tests.Databases;
using CityOps.Flow.Storage.Tests.Users;

namespace CityOps.Flow.Storage.Tests.Roles;

public sealed class RoleRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static RoleRecord NewRole(string name)
    {
        var unique = name + "-" + Guid.NewGuid().ToString("N")[..8];
        return new RoleRecord(Guid.NewGuid().ToString(), unique, unique.ToUpperInvariant());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Roles_are_created_found_renamed_listed_and_deleted(SqlDialect dialect)
    {
        var roles = new RoleRepository(await databases.MigratedAsync(dialect));
        var dispatcher = NewRole("Dispatcher");
        var supervisor = NewRole("Supervisor");

        Assert.True(await roles.CreateAsync(dispatcher));
        Assert.True(await roles.CreateAsync(supervisor));
        Assert.Equal(dispatcher, await roles.FindByIdAsync(dispatcher.Id));
        Assert.Equal(supervisor, await roles.FindByNormalizedNameAsync(supervisor.NormalizedName));

        var renamed = dispatcher with { Name = dispatcher.Name + "-12345", NormalizedName = dispatcher.NormalizedName + "-12345" };
        Assert.True(await roles.UpdateAsync(renamed));
        Assert.Equal(renamed, await roles.FindByIdAsync(dispatcher.Id));
        Assert.Null(await roles.FindByNormalizedNameAsync(dispatcher.NormalizedName));

        var listed = await roles.ListAsync();
        Assert.Contains(renamed, listed);
        Assert.Contains(supervisor, listed);
        Assert.Equal(listed.OrderBy(r => r.NormalizedName, StringComparer.Ordinal).ToList(), listed);

        Assert.True(await roles.DeleteAsync(supervisor.Id));
        Assert.Null(await roles.FindByIdAsync(supervisor.Id));
        Assert.False(await roles.DeleteAsync(supervisor.Id));
        Assert.False(await roles.UpdateAsync(supervisor));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_taken_role_name_is_refused(SqlDialect dialect)
    {
        var roles = new RoleRepository(await databases.MigratedAsync(dialect));
        var handler = NewRole("Handler");
        var other = NewRole("Other");
        await roles.CreateAsync(handler);
        await roles.CreateAsync(other);

        Assert.False(await roles.CreateAsync(handler with { Id = Guid.NewGuid().ToString() }));
        Assert.False(await roles.UpdateAsync(other with { Name = handler.Name, NormalizedName = handler.NormalizedName }));
        Assert.Equal(other, await roles.FindByIdAsync(other.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Users_join_and_leave_roles(SqlDialect dialect)
    {
        var database = await databases.MigratedAsync(dialect);
        var roles = new RoleRepository(database);
        var users = new UserRepository(database);
        var dispatcher = NewRole("Dispatcher");
        var leader = NewRole("Leader");
        await roles.CreateAsync(dispatcher);
        await roles.CreateAsync(leader);
        var zhang = UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("a-zhang"));
        var li = UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("b-li"));
        await users.CreateAsync(zhang);
        await users.CreateAsync(li);

        Assert.True(await users.AddToRoleAsync(zhang.Id, dispatcher.NormalizedName));
        Assert.True(await users.AddToRoleAsync(zhang.Id, dispatcher.NormalizedName));
        Assert.True(await users.AddToRoleAsync(zhang.Id, leader.NormalizedName));
        Assert.True(await users.AddToRoleAsync(li.Id, dispatcher.NormalizedName));
        Assert.False(await users.AddToRoleAsync(li.Id, "NO-SUCH-ROLE"));

        Assert.Equal([dispatcher.Name, leader.Name], await users.GetRoleNamesAsync(zhang.Id));
        Assert.Equal([zhang.Id, li.Id], (await users.GetUsersInRoleAsync(dispatcher.NormalizedName)).Select(u => u.Id));
        Assert.Equal(li, Assert.Single(await users.GetUsersInRoleAsync(dispatcher.NormalizedName), u => u.Id == li.Id));

        Assert.True(await users.RemoveFromRoleAsync(zhang.Id, dispatcher.NormalizedName));
        Assert.False(await users.RemoveFromRoleAsync(zhang.Id, dispatcher.NormalizedName));
        Assert.Equal([leader.Name], await users.GetRoleNamesAsync(zhang.Id));
        Assert.Equal([li.Id], (await users.GetUsersInRoleAsync(dispatcher.NormalizedName)).Select(u => u.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_a_role_or_a_user_removes_their_memberships(SqlDialect dialect)
    {
        var database = await databases.MigratedAsync(dialect);
        var roles = new RoleRepository(database);
        var users = new UserRepository(database);
        var reviewer = NewRole("Reviewer");
        var auditor = NewRole("Auditor");
        await roles.CreateAsync(reviewer);
        await roles.CreateAsync(auditor);
        var wang = UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("wang"));
        var zhao = UserRepositoryTests.NewUser(UserRepositoryTests.UniqueName("zhao"));
        await users.CreateAsync(wang);
        await users.CreateAsync(zhao);
        await users.AddToRoleAsync(wang.Id, reviewer.NormalizedName);
        await users.AddToRoleAsync(wang.Id, auditor.NormalizedName);
        await users.AddToRoleAsync(zhao.Id, auditor.NormalizedName);

        await roles.DeleteAsync(reviewer.Id);
        await users.DeleteAsync(zhao.Id);

        Assert.Equal([auditor.Name], await users.GetRoleNamesAsync(wang.Id));
        Assert.Equal([wang.Id], (await users.GetUsersInRoleAsync(auditor.NormalizedName)).Select(u => u.Id));
        Assert.Empty(await users.GetRoleNamesAsync(zhao.Id));
    }
}

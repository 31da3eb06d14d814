using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Users;

public sealed class UserRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static UserRecord NewUser(string userName) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = "张三 " + userName,
        Email = userName + "@pudong.example.cn",
        NormalizedEmail = (userName + "@pudong.example.cn").ToUpperInvariant(),
        PasswordHash = "AQAAAAIAAYagAAAAE" + userName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };

    private static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Theory, OnSqlite, OnPostgres]
    public async Task Created_user_is_found_by_id_user_name_and_email_with_every_field_intact(SqlDialect dialect)
    {
        var users = new UserRepository(await databases.MigratedAsync(dialect));
        var user = NewUser(UniqueName("dispatcher")) with
        {
            LockoutEnd = new DateTimeOffset(2026, 11, 21, 8, 30, 15, 123, TimeSpan.FromHours(8)),
            AccessFailedCount = 2,
            PreferredLanguage = "zh-CN",
        };

        Assert.True(await users.CreateAsync(user));

        var expected = user with { LockoutEnd = user.LockoutEnd!.Value.ToUniversalTime() };
        Assert.Equal(expected, await users.FindByIdAsync(user.Id));
        Assert.Equal(expected, await users.FindByNormalizedUserNameAsync(user.NormalizedUserName));
        Assert.Equal(expected, await users.FindByNormalizedEmailAsync(user.NormalizedEmail!));
        Assert.Equal(TimeSpan.Zero, (await users.FindByIdAsync(user.Id))!.LockoutEnd!.Value.Offset);
    }
}

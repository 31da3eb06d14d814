using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Users;

public sealed class UserRepositoryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    internal static UserRecord NewUser(string userName) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = "张伟 " + userName,
        Email = userName + "@pudong.example.cn",
        NormalizedEmail = (userName + "@pudong.example.cn").ToUpperInvariant(),
        PasswordHash = "AQAAAAIAAYagAAAAE" + userName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };

    internal static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<UserRepository> UsersAsync(SqlDialect dialect) => new(await databases.MigratedAsync(dialect));

    [Theory, OnSqlite, OnPostgres]
    public async Task Created_user_is_found_by_id_user_name_and_email_with_every_field_intact(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
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

    [Theory, OnSqlite, OnPostgres]
    public async Task Unknown_users_are_not_found(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);

        Assert.Null(await users.FindByIdAsync(Guid.NewGuid().ToString()));
        Assert.Null(await users.FindByNormalizedUserNameAsync("NOBODY-" + Guid.NewGuid().ToString("N")));
        Assert.Null(await users.FindByNormalizedEmailAsync("NOBODY@EXAMPLE.CN"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_taken_user_name_is_refused_and_the_first_user_stays(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var first = NewUser(UniqueName("inspector"));
        await users.CreateAsync(first);

        var created = await users.CreateAsync(NewUser(first.UserName) with { DisplayName = "李娜" });

        Assert.False(created);
        Assert.Equal(first, await users.FindByNormalizedUserNameAsync(first.NormalizedUserName));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Update_with_the_current_stamp_is_saved(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var user = NewUser(UniqueName("handler"));
        await users.CreateAsync(user);
        var changed = user with
        {
            DisplayName = "王芳",
            AccessFailedCount = 3,
            LockoutEnd = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };

        Assert.True(await users.UpdateAsync(changed, user.ConcurrencyStamp));

        Assert.Equal(changed, await users.FindByIdAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Update_with_a_stale_stamp_is_a_conflict_and_keeps_the_other_writers_change(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var user = NewUser(UniqueName("handler"));
        await users.CreateAsync(user);
        var firstWriter = user with { DisplayName = "first writer", ConcurrencyStamp = Guid.NewGuid().ToString() };
        var secondWriter = user with { DisplayName = "second writer", ConcurrencyStamp = Guid.NewGuid().ToString() };

        Assert.True(await users.UpdateAsync(firstWriter, user.ConcurrencyStamp));
        Assert.False(await users.UpdateAsync(secondWriter, user.ConcurrencyStamp));

        Assert.Equal(firstWriter, await users.FindByIdAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Of_simultaneous_updates_from_the_same_stamp_exactly_one_wins(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var user = NewUser(UniqueName("contended"));
        await users.CreateAsync(user);
        var writers = Enumerable.Range(1, 8)
            .Select(i => user with { DisplayName = $"writer {i}", AccessFailedCount = i, ConcurrencyStamp = Guid.NewGuid().ToString() })
            .ToList();

        var results = await Task.WhenAll(writers.Select(w => Task.Run(() => users.UpdateAsync(w, user.ConcurrencyStamp))));

        Assert.Single(results, r => r);
        var winner = writers[Array.IndexOf(results, true)];
        Assert.Equal(winner, await users.FindByIdAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Renaming_to_a_taken_user_name_is_a_conflict(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var taken = NewUser(UniqueName("leader"));
        var user = NewUser(UniqueName("clerk"));
        await users.CreateAsync(taken);
        await users.CreateAsync(user);

        var renamed = user with
        {
            UserName = taken.UserName,
            NormalizedUserName = taken.NormalizedUserName,
            ConcurrencyStamp = Guid.NewGuid().ToString(),
        };

        Assert.False(await users.UpdateAsync(renamed, user.ConcurrencyStamp));
        Assert.Equal(user, await users.FindByIdAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleted_user_is_gone_and_deleting_again_reports_nothing_deleted(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var user = NewUser(UniqueName("temp"));
        await users.CreateAsync(user);

        Assert.True(await users.DeleteAsync(user.Id));

        Assert.Null(await users.FindByIdAsync(user.Id));
        Assert.False(await users.DeleteAsync(user.Id));
        Assert.False(await users.UpdateAsync(user with { DisplayName = "ghost" }, user.ConcurrencyStamp));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Preferred_language_is_kept_per_user_and_can_be_cleared(SqlDialect dialect)
    {
        var users = await UsersAsync(dialect);
        var chinese = NewUser(UniqueName("zh"));
        var english = NewUser(UniqueName("en"));
        await users.CreateAsync(chinese);
        await users.CreateAsync(english);

        Assert.True(await users.SetPreferredLanguageAsync(chinese.Id, "zh-CN"));
        Assert.True(await users.SetPreferredLanguageAsync(english.Id, "en"));
        Assert.Equal("zh-CN", (await users.FindByIdAsync(chinese.Id))!.PreferredLanguage);
        Assert.Equal("en", (await users.FindByIdAsync(english.Id))!.PreferredLanguage);

        Assert.True(await users.SetPreferredLanguageAsync(english.Id, null));
        Assert.Null((await users.FindByIdAsync(english.Id))!.PreferredLanguage);
        Assert.Equal(english.ConcurrencyStamp, (await users.FindByIdAsync(english.Id))!.ConcurrencyStamp);
        Assert.False(await users.SetPreferredLanguageAsync(Guid.NewGuid().ToString(), "en"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Count_follows_creates_and_deletes(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var users = new UserRepository(database);
        var first = NewUser(UniqueName("a"));

        Assert.Equal(0, await users.CountAsync());
        await users.CreateAsync(first);
        await users.CreateAsync(NewUser(UniqueName("b")));
        Assert.Equal(2, await users.CountAsync());
        await users.DeleteAsync(first.Id);
        Assert.Equal(1, await users.CountAsync());
    }
}

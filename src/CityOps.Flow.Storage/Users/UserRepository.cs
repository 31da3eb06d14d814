using System.Data.Common;
using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>Users and their role memberships, for the ASP.NET Core Identity stores of the portal.</summary>
public sealed class UserRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        u.id AS Id, u.user_name AS UserName, u.normalized_user_name AS NormalizedUserName, u.display_name AS DisplayName,
        u.email AS Email, u.normalized_email AS NormalizedEmail, u.password_hash AS PasswordHash,
        u.security_stamp AS SecurityStamp, u.concurrency_stamp AS ConcurrencyStamp, u.lockout_end AS LockoutEnd,
        u.lockout_enabled AS LockoutEnabled, u.access_failed_count AS AccessFailedCount,
        u.preferred_language AS PreferredLanguage, u.department_id AS DepartmentId, u.area_id AS AreaId
        """;

    public Task<UserRecord?> FindByIdAsync(string id, CancellationToken ct = default) =>
        FindAsync($"SELECT {Columns} FROM users u WHERE u.id = @id", new { id }, ct);

    public Task<UserRecord?> FindByNormalizedUserNameAsync(string normalizedUserName, CancellationToken ct = default) =>
        FindAsync($"SELECT {Columns} FROM users u WHERE u.normalized_user_name = @normalizedUserName", new { normalizedUserName }, ct);

    /// <summary>The first user with this e-mail; e-mails are not unique, so the lowest id wins for a stable answer.</summary>
    public Task<UserRecord?> FindByNormalizedEmailAsync(string normalizedEmail, CancellationToken ct = default) =>
        FindAsync($"SELECT {Columns} FROM users u WHERE u.normalized_email = @normalizedEmail ORDER BY u.id LIMIT 1", new { normalizedEmail }, ct);

    /// <summary>Adds the user; false when the id or the normalized user name is taken.</summary>
    public async Task<bool> CreateAsync(UserRecord user, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO users (id, user_name, normalized_user_name, display_name, email, normalized_email, password_hash,
                    security_stamp, concurrency_stamp, lockout_end, lockout_enabled, access_failed_count, preferred_language,
                    department_id, area_id)
                VALUES (@Id, @UserName, @NormalizedUserName, @DisplayName, @Email, @NormalizedEmail, @PasswordHash,
                    @SecurityStamp, @ConcurrencyStamp, @LockoutEnd, @LockoutEnabled, @AccessFailedCount, @PreferredLanguage,
                    @DepartmentId, @AreaId)
                """,
                Parameters(user),
                cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (SqlValues.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the user, new concurrency stamp included, only if the stored stamp is still
    /// <paramref name="expectedConcurrencyStamp"/>; false when someone else changed (or deleted) the user first.
    /// </summary>
    public async Task<bool> UpdateAsync(UserRecord user, string expectedConcurrencyStamp, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = Parameters(user);
        parameters.Add("ExpectedConcurrencyStamp", expectedConcurrencyStamp);
        try
        {
            var rows = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, display_name = @DisplayName,
                    email = @Email, normalized_email = @NormalizedEmail, password_hash = @PasswordHash,
                    security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_end = @LockoutEnd,
                    lockout_enabled = @LockoutEnabled, access_failed_count = @AccessFailedCount,
                    preferred_language = @PreferredLanguage, department_id = @DepartmentId, area_id = @AreaId
                WHERE id = @Id AND concurrency_stamp = @ExpectedConcurrencyStamp
                """,
                parameters,
                cancellationToken: ct));
            return rows == 1;
        }
        catch (DbException e) when (SqlValues.IsUniqueViolation(e))
        {
            // Renamed to a user name someone else holds: a conflict the caller reports, like a stale stamp.
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM users WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>The display names of the user's roles, alphabetically.</summary>
    public async Task<IReadOnlyList<string>> GetRoleNamesAsync(string userId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @userId ORDER BY r.name",
            new { userId },
            cancellationToken: ct));
        return names.AsList();
    }

    /// <summary>Puts the user in the role; false when no role has that normalized name. Adding twice changes nothing.</summary>
    public async Task<bool> AddToRoleAsync(string userId, string normalizedRoleName, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var roleId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT id FROM roles WHERE normalized_name = @normalizedRoleName", new { normalizedRoleName }, cancellationToken: ct));
        if (roleId is null)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO user_roles (user_id, role_id) VALUES (@userId, @roleId) ON CONFLICT (user_id, role_id) DO NOTHING",
            new { userId, roleId },
            cancellationToken: ct));
        return true;
    }

    public async Task<bool> RemoveFromRoleAsync(string userId, string normalizedRoleName, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_roles WHERE user_id = @userId AND role_id IN (SELECT id FROM roles WHERE normalized_name = @normalizedRoleName)",
            new { userId, normalizedRoleName },
            cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlyList<UserRecord>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM users u
            JOIN user_roles ur ON ur.user_id = u.id
            JOIN roles r ON r.id = ur.role_id
            WHERE r.normalized_name = @normalizedRoleName
            ORDER BY u.normalized_user_name
            """,
            new { normalizedRoleName },
            cancellationToken: ct));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Sets the language the portal renders in for this user (null: follow the browser); false for an unknown user.</summary>
    public async Task<bool> SetPreferredLanguageAsync(string userId, string? language, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET preferred_language = @language WHERE id = @userId", new { userId, language }, cancellationToken: ct)) == 1;
    }

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: ct));
    }

    private async Task<UserRecord?> FindAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return row?.ToRecord();
    }

    private DynamicParameters Parameters(UserRecord user)
    {
        var parameters = new DynamicParameters();
        parameters.Add(nameof(UserRecord.Id), user.Id);
        parameters.Add(nameof(UserRecord.UserName), user.UserName);
        parameters.Add(nameof(UserRecord.NormalizedUserName), user.NormalizedUserName);
        parameters.Add(nameof(UserRecord.DisplayName), user.DisplayName);
        parameters.Add(nameof(UserRecord.Email), user.Email);
        parameters.Add(nameof(UserRecord.NormalizedEmail), user.NormalizedEmail);
        parameters.Add(nameof(UserRecord.PasswordHash), user.PasswordHash);
        parameters.Add(nameof(UserRecord.SecurityStamp), user.SecurityStamp);
        parameters.Add(nameof(UserRecord.ConcurrencyStamp), user.ConcurrencyStamp);
        parameters.Add(nameof(UserRecord.LockoutEnd), SqlValues.Instant(connections.Dialect, user.LockoutEnd));
        parameters.Add(nameof(UserRecord.LockoutEnabled), user.LockoutEnabled);
        parameters.Add(nameof(UserRecord.AccessFailedCount), user.AccessFailedCount);
        parameters.Add(nameof(UserRecord.PreferredLanguage), user.PreferredLanguage);
        parameters.Add(nameof(UserRecord.DepartmentId), user.DepartmentId);
        parameters.Add(nameof(UserRecord.AreaId), user.AreaId);
        return parameters;
    }

    /// <summary>The row as the driver returns it: the lockout end is text on SQLite and a timestamp on PostgreSQL.</summary>
    private sealed class UserRow
    {
        public string Id { get; set; } = "";

        public string UserName { get; set; } = "";

        public string NormalizedUserName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public string? NormalizedEmail { get; set; }

        public string? PasswordHash { get; set; }

        public string SecurityStamp { get; set; } = "";

        public string ConcurrencyStamp { get; set; } = "";

        public object? LockoutEnd { get; set; }

        public bool LockoutEnabled { get; set; }

        public int AccessFailedCount { get; set; }

        public string? PreferredLanguage { get; set; }

        public string? DepartmentId { get; set; }

        public string? AreaId { get; set; }

        public UserRecord ToRecord() => new()
        {
            Id = Id,
            UserName = UserName,
            NormalizedUserName = NormalizedUserName,
            DisplayName = DisplayName,
            Email = Email,
            NormalizedEmail = NormalizedEmail,
            PasswordHash = PasswordHash,
            SecurityStamp = SecurityStamp,
            ConcurrencyStamp = ConcurrencyStamp,
            LockoutEnd = SqlValues.ReadInstant(LockoutEnd),
            LockoutEnabled = LockoutEnabled,
            AccessFailedCount = AccessFailedCount,
            PreferredLanguage = PreferredLanguage,
            DepartmentId = DepartmentId,
            AreaId = AreaId,
        };
    }
}

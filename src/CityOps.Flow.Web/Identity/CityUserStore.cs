using CityOps.Flow.Storage;
using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's view of the users table, over <see cref="UserRepository"/>. Identity mutates the
/// <see cref="CityUser"/> through the setters below and then calls <see cref="UpdateAsync"/> to persist it.
/// </summary>
public sealed class CityUserStore(UserRepository users, IdentityErrorDescriber errors) :
    IUserPasswordStore<CityUser>,
    IUserSecurityStampStore<CityUser>,
    IUserLockoutStore<CityUser>,
    IUserRoleStore<CityUser>,
    IUserEmailStore<CityUser>
{
    public async Task<IdentityResult> CreateAsync(CityUser user, CancellationToken cancellationToken)
    {
        return await users.CreateAsync(ToRecord(user), cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.DuplicateUserName(user.UserName));
    }

    public async Task<IdentityResult> UpdateAsync(CityUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await users.UpdateAsync(ToRecord(user), expected, cancellationToken))
        {
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(errors.ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(CityUser user, CancellationToken cancellationToken) =>
        await users.DeleteAsync(user.Id, cancellationToken) ? IdentityResult.Success : IdentityResult.Failed(errors.ConcurrencyFailure());

    public async Task<CityUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        FromRecord(await users.FindByIdAsync(userId, cancellationToken));

    public async Task<CityUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FromRecord(await users.FindByNormalizedUserNameAsync(normalizedUserName, cancellationToken));

    public Task<string> GetUserIdAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(CityUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? throw new ArgumentNullException(nameof(userName), "A portal user always has a user name.");
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(CityUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(CityUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName;
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(CityUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(CityUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(CityUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(CityUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(CityUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(CityUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(CityUser user, string normalizedRoleName, CancellationToken cancellationToken)
    {
        if (!await users.AddToRoleAsync(user.Id, normalizedRoleName, cancellationToken))
        {
            throw new InvalidOperationException($"There is no role '{normalizedRoleName}' to put user '{user.UserName}' in.");
        }
    }

    public Task RemoveFromRoleAsync(CityUser user, string normalizedRoleName, CancellationToken cancellationToken) =>
        users.RemoveFromRoleAsync(user.Id, normalizedRoleName, cancellationToken);

    public async Task<IList<string>> GetRolesAsync(CityUser user, CancellationToken cancellationToken) =>
        [.. await users.GetRoleNamesAsync(user.Id, cancellationToken)];

    public async Task<bool> IsInRoleAsync(CityUser user, string normalizedRoleName, CancellationToken cancellationToken) =>
        (await users.GetRoleNamesAsync(user.Id, cancellationToken))
            .Any(name => string.Equals(name, normalizedRoleName, StringComparison.OrdinalIgnoreCase));

    public async Task<IList<CityUser>> GetUsersInRoleAsync(string normalizedRoleName, CancellationToken cancellationToken) =>
        [.. (await users.GetUsersInRoleAsync(normalizedRoleName, cancellationToken)).Select(record => FromRecord(record)!)];

    public Task SetEmailAsync(CityUser user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email;
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.Email);

    /// <summary>Administrators enter staff e-mail addresses; the portal sends no confirmation mail, so none is confirmed.</summary>
    public Task<bool> GetEmailConfirmedAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task SetEmailConfirmedAsync(CityUser user, bool confirmed, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The portal does not confirm e-mail addresses by mail; administrators enter them.");

    public async Task<CityUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FromRecord(await users.FindByNormalizedEmailAsync(normalizedEmail, cancellationToken));

    public Task<string?> GetNormalizedEmailAsync(CityUser user, CancellationToken cancellationToken) => Task.FromResult(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(CityUser user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // Connections are opened and closed per call by the repository; nothing is held here.
    }

    private static UserRecord ToRecord(CityUser user) => new()
    {
        Id = user.Id,
        UserName = user.UserName,
        NormalizedUserName = user.NormalizedUserName ?? user.UserName.ToUpperInvariant(),
        DisplayName = user.DisplayName,
        Email = user.Email,
        NormalizedEmail = user.NormalizedEmail,
        PasswordHash = user.PasswordHash,
        SecurityStamp = user.SecurityStamp,
        ConcurrencyStamp = user.ConcurrencyStamp,
        LockoutEnd = user.LockoutEnd,
        LockoutEnabled = user.LockoutEnabled,
        AccessFailedCount = user.AccessFailedCount,
        PreferredLanguage = user.PreferredLanguage,
        DepartmentId = user.DepartmentId,
        AreaId = user.AreaId,
    };

    private static CityUser? FromRecord(UserRecord? record) => record is null ? null : new CityUser
    {
        Id = record.Id,
        UserName = record.UserName,
        NormalizedUserName = record.NormalizedUserName,
        DisplayName = record.DisplayName,
        Email = record.Email,
        NormalizedEmail = record.NormalizedEmail,
        PasswordHash = record.PasswordHash,
        SecurityStamp = record.SecurityStamp,
        ConcurrencyStamp = record.ConcurrencyStamp,
        LockoutEnd = record.LockoutEnd,
        LockoutEnabled = record.LockoutEnabled,
        AccessFailedCount = record.AccessFailedCount,
        PreferredLanguage = record.PreferredLanguage,
        DepartmentId = record.DepartmentId,
        AreaId = record.AreaId,
    };
}

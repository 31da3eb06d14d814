using CityOps.Flow.Storage;
using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

/// <summary>ASP.NET Core Identity's view of the roles table, over <see cref="RoleRepository"/>.</summary>
public sealed class CityRoleStore(RoleRepository roles, IdentityErrorDescriber errors) : IRoleStore<CityRole>
{
    public async Task<IdentityResult> CreateAsync(CityRole role, CancellationToken cancellationToken) =>
        await roles.CreateAsync(ToRecord(role), cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.DuplicateRoleName(role.Name));

    public async Task<IdentityResult> UpdateAsync(CityRole role, CancellationToken cancellationToken) =>
        await roles.UpdateAsync(ToRecord(role), cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(errors.ConcurrencyFailure());

    public async Task<IdentityResult> DeleteAsync(CityRole role, CancellationToken cancellationToken) =>
        await roles.DeleteAsync(role.Id, cancellationToken) ? IdentityResult.Success : IdentityResult.Failed(errors.ConcurrencyFailure());

    public Task<string> GetRoleIdAsync(CityRole role, CancellationToken cancellationToken) => Task.FromResult(role.Id);

    public Task<string?> GetRoleNameAsync(CityRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    public Task SetRoleNameAsync(CityRole role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName ?? throw new ArgumentNullException(nameof(roleName), "A role always has a name.");
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedRoleNameAsync(CityRole role, CancellationToken cancellationToken) => Task.FromResult(role.NormalizedName);

    public Task SetNormalizedRoleNameAsync(CityRole role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName;
        return Task.CompletedTask;
    }

    public async Task<CityRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken) =>
        FromRecord(await roles.FindByIdAsync(roleId, cancellationToken));

    public async Task<CityRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken) =>
        FromRecord(await roles.FindByNormalizedNameAsync(normalizedRoleName, cancellationToken));

    public void Dispose()
    {
        // Connections are opened and closed per call by the repository; nothing is held here.
    }

    private static RoleRecord ToRecord(CityRole role) =>
        new(role.Id, role.Name, role.NormalizedName ?? role.Name.ToUpperInvariant());

    private static CityRole? FromRecord(RoleRecord? record) =>
        record is null ? null : new CityRole { Id = record.Id, Name = record.Name, NormalizedName = record.NormalizedName };
}

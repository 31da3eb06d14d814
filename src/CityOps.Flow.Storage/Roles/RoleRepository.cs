using System.Data.Common;
using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>Roles, for the ASP.NET Core Identity role store of the portal.</summary>
public sealed class RoleRepository(IDbConnectionFactory connections)
{
    private const string Columns = "id AS Id, name AS Name, normalized_name AS NormalizedName";

    public Task<RoleRecord?> FindByIdAsync(string id, CancellationToken ct = default) =>
        FindAsync($"SELECT {Columns} FROM roles WHERE id = @id", new { id }, ct);

    public Task<RoleRecord?> FindByNormalizedNameAsync(string normalizedName, CancellationToken ct = default) =>
        FindAsync($"SELECT {Columns} FROM roles WHERE normalized_name = @normalizedName", new { normalizedName }, ct);

    /// <summary>Adds the role; false when the id or the normalized name is taken.</summary>
    public async Task<bool> CreateAsync(RoleRecord role, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO roles (id, name, normalized_name) VALUES (@Id, @Name, @NormalizedName)", role, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (SqlValues.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>Renames the role; false for an unknown id or a normalized name another role holds.</summary>
    public async Task<bool> UpdateAsync(RoleRecord role, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE roles SET name = @Name, normalized_name = @NormalizedName WHERE id = @Id", role, cancellationToken: ct)) == 1;
        }
        catch (DbException e) when (SqlValues.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>Deletes the role and every membership in it.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM roles WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<RoleRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var roles = await connection.QueryAsync<RoleRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM roles ORDER BY normalized_name", cancellationToken: ct));
        return roles.AsList();
    }

    private async Task<RoleRecord?> FindAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RoleRecord>(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }
}

using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>The organisation: the area tree from district to grid, and the departments that serve each area.</summary>
public sealed class OrgRepository(IDbConnectionFactory connections)
{
    /// <summary>Inserts the area or replaces the stored one with the same id; a parent must already exist.</summary>
    public async Task UpsertAreaAsync(AreaRecord area, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO areas (id, parent_id, name, name_en, level, latitude, longitude, boundary_geojson)
            VALUES (@Id, @ParentId, @Name, @NameEn, @Level, @Latitude, @Longitude, @BoundaryGeoJson)
            ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, name_en = excluded.name_en,
                level = excluded.level, latitude = excluded.latitude, longitude = excluded.longitude,
                boundary_geojson = excluded.boundary_geojson
            """,
            new
            {
                area.Id,
                area.ParentId,
                area.Name,
                area.NameEn,
                Level = area.Level.ToString(),
                area.Latitude,
                area.Longitude,
                area.BoundaryGeoJson,
            },
            cancellationToken: ct));
    }

    /// <summary>Inserts the department or replaces the stored one with the same id; its area must exist.</summary>
    public async Task UpsertDepartmentAsync(DepartmentRecord department, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO departments (id, name, name_en, area_id, level)
            VALUES (@Id, @Name, @NameEn, @AreaId, @Level)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, area_id = excluded.area_id,
                level = excluded.level
            """,
            new { department.Id, department.Name, department.NameEn, department.AreaId, Level = department.Level.ToString() },
            cancellationToken: ct));
    }

    /// <summary>Every area, district first and grids last, so a parent always precedes its children.</summary>
    public async Task<IReadOnlyList<AreaRecord>> ListAreasAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<AreaRow>(new CommandDefinition(
            """
            SELECT id AS Id, parent_id AS ParentId, name AS Name, name_en AS NameEn, level AS Level,
                latitude AS Latitude, longitude AS Longitude, boundary_geojson AS BoundaryGeoJson
            FROM areas
            ORDER BY CASE level WHEN 'District' THEN 0 WHEN 'Street' THEN 1 WHEN 'Community' THEN 2 ELSE 3 END, id
            """,
            cancellationToken: ct));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>Every department, by area then id.</summary>
    public async Task<IReadOnlyList<DepartmentRecord>> ListDepartmentsAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<DepartmentRow>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, name_en AS NameEn, area_id AS AreaId, level AS Level FROM departments ORDER BY area_id, id",
            cancellationToken: ct));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<int> CountAreasAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM areas", cancellationToken: ct));
    }

    private sealed class AreaRow
    {
        public string Id { get; set; } = "";

        public string? ParentId { get; set; }

        public string Name { get; set; } = "";

        public string NameEn { get; set; } = "";

        public string Level { get; set; } = "";

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string? BoundaryGeoJson { get; set; }

        public AreaRecord ToRecord() =>
            new(Id, ParentId, Name, NameEn, Enum.Parse<AreaLevel>(Level), Latitude, Longitude, BoundaryGeoJson);
    }

    private sealed class DepartmentRow
    {
        public string Id { get; set; } = "";

        public string Name { get; set; } = "";

        public string NameEn { get; set; } = "";

        public string AreaId { get; set; } = "";

        public string Level { get; set; } = "";

        public DepartmentRecord ToRecord() => new(Id, Name, NameEn, AreaId, Enum.Parse<DepartmentLevel>(Level));
    }
}

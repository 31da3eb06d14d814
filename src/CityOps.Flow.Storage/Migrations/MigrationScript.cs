using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CityOps.Flow.Storage;

/// <summary>One ordered SQL script of a dialect, named <c>NNNN_description.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    public static MigrationScript Create(string name, string sql)
    {
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0
            || !name.EndsWith(".sql", StringComparison.Ordinal)
            || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script '{name}' is not named NNNN_description.sql.");
        }

        return new MigrationScript(version, name, sql, ChecksumOf(sql));
    }

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF does not look edited.</summary>
    public static string ChecksumOf(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>The scripts of a dialect embedded in this assembly (logical names <c>Sqlite.*</c>, <c>Postgres.*</c>), in order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded(SqlDialect dialect)
    {
        var assembly = typeof(MigrationScript).Assembly;
        var prefix = dialect + ".";
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            scripts.Add(Create(resource[prefix.Length..], Read(assembly, resource)));
        }

        return Ordered(scripts);
    }

    public static IReadOnlyList<MigrationScript> Ordered(IEnumerable<MigrationScript> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Migration scripts '{ordered[i - 1].Name}' and '{ordered[i].Name}' share version {ordered[i].Version}.");
            }
        }

        return ordered;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

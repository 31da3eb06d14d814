using CityOps.Flow.Engine.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Storage;

/// <summary>The one registration entry point of the storage layer.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options, the connection factory for the configured provider, the migration runner, the
    /// health probe, the repositories and the workflow engine's store (<see cref="IWorkflowStore"/>). Throws <see cref="StorageConfigurationException"/> at once for an unusable configuration.
    /// </summary>
    public static IServiceCollection AddCityOpsStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = new StorageOptions();
        configuration.GetSection("Storage").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("CityOps") ?? options.ConnectionString;
        if (!Path.IsPathRooted(options.DataDirectory))
        {
            options.DataDirectory = Path.GetFullPath(Path.Combine(contentRoot, options.DataDirectory));
        }

        var dialect = options.ResolveDialect();
        services.AddSingleton(options);
        services.AddSingleton<IDbConnectionFactory>(_ => CreateConnectionFactory(options, dialect));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<RoleRepository>();
        services.AddSingleton<OrgRepository>();
        services.AddSingleton<JobFailureLog>();
        services.AddSingleton<SqlWorkflowStore>();
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<SqlWorkflowStore>());
        return services;
    }

    /// <summary>The factory the options describe; SQLite without a connection string uses <c>&lt;DataDirectory&gt;/cityops.db</c>.</summary>
    public static IDbConnectionFactory CreateConnectionFactory(StorageOptions options, SqlDialect dialect) => dialect switch
    {
        SqlDialect.Sqlite when string.IsNullOrWhiteSpace(options.ConnectionString) =>
            SqliteConnectionFactory.ForDataDirectory(options.DataDirectory, options.SqliteDurability, options.SqliteBusyTimeout),
        SqlDialect.Sqlite => new SqliteConnectionFactory(options.ConnectionString, options.SqliteDurability, options.SqliteBusyTimeout),
        SqlDialect.Postgres => new PostgresConnectionFactory(options.ConnectionString!),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
    };
}

using CityOps.Flow.Storage;
using CityOps.Flow.Web.DemoOrganisation;
using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Hosting;

public static class StorageStartup
{
    /// <summary>
    /// Before the first request: bring the schema up to date, make sure the roles exist, and seed the demo
    /// organisation into an empty installation.
    /// </summary>
    public static async Task PrepareStorageAsync(this WebApplication app, CancellationToken ct = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageStartup));
        var report = app.Services.GetRequiredService<StartupReport>();
        var dialect = app.Services.GetRequiredService<IDbConnectionFactory>().Dialect;

        var migrations = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(ct);
        report.Migrations = migrations;
        if (migrations.Applied.Count == 0)
        {
            logger.LogInformation(
                "{Dialect} schema is up to date: {AlreadyApplied} migrations were applied before, none applied now",
                dialect, migrations.AlreadyApplied.Count);
        }
        else
        {
            logger.LogInformation(
                "{Dialect} schema migrated: applied {Applied} ({AlreadyApplied} applied before)",
                dialect, string.Join(", ", migrations.Applied), migrations.AlreadyApplied.Count);
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSetup>().EnsureRolesAsync();
        report.DemoOrganisationSeeded = await scope.ServiceProvider.GetRequiredService<DemoOrganisationSeeder>().SeedIfEmptyAsync(ct);
    }
}

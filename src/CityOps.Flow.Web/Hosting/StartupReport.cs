using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Hosting;

/// <summary>What this process did to the database when it started (for the log, the tests and operators).</summary>
public sealed class StartupReport
{
    public MigrationReport? Migrations { get; internal set; }

    public bool DemoOrganisationSeeded { get; internal set; }
}

using CityOps.Flow.Cases.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Storage.Tests.Cases;

public sealed class CaseStorageRegistrationTests
{
    [Fact]
    public async Task The_case_repository_and_the_audit_log_resolve_on_the_configured_database()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "cityops-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var services = new ServiceCollection().AddLogging()
                .AddCityOpsStorage(new ConfigurationBuilder().Build(), contentRoot)
                .AddCityOpsCaseStorage()
                .BuildServiceProvider();
            await services.GetRequiredService<MigrationRunner>().ApplyAsync();

            var audit = services.GetRequiredService<IAuditLog>();
            await audit.AppendAsync(new AuditEvent { ActorUserId = "u-admin", Action = "org.imported", SubjectType = "org", SubjectId = "310115" });

            Assert.Same(services.GetRequiredService<SqlAuditLog>(), audit);
            Assert.True((await audit.VerifyAsync()).Intact);
            Assert.Empty((await services.GetRequiredService<CaseRepository>().SearchAsync(new CaseQuery(), DataScope.ForAreas("310115004"))).Cases);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(contentRoot))
            {
                Directory.Delete(contentRoot, recursive: true);
            }
        }
    }
}

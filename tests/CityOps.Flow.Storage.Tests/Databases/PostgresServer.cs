using Xunit.Abstractions;
using Xunit.Sdk;

namespace CityOps.Flow.Storage.Tests.Databases;

/// <summary>The PostgreSQL server the contract tests create their databases on, named by <c>CITYOPS_TEST_POSTGRES</c>.</summary>
internal static class PostgresServer
{
    public const string Variable = "CITYOPS_TEST_POSTGRES";

    public const string NotConfigured = "PostgreSQL contract tests not run: CITYOPS_TEST_POSTGRES is not set";

    private static int announced;

    public static string? AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Prints the reason once per run when PostgreSQL is absent, so the log says so beside the skipped cases.</summary>
    public static void AnnounceIfMissing(IMessageSink diagnostics)
    {
        if (AdminConnectionString is null && Interlocked.Exchange(ref announced, 1) == 0)
        {
            diagnostics.OnMessage(new DiagnosticMessage(NotConfigured));
        }
    }
}

namespace CityOps.Flow.Storage.Tests.Databases;

/// <summary>The PostgreSQL server the contract tests create their databases on, named by <c>CITYOPS_TEST_POSTGRES</c>.</summary>
internal static class PostgresServer
{
    public const string Variable = "CITYOPS_TEST_POSTGRES";

    public const string NotConfigured = "PostgreSQL contract tests not run: CITYOPS_TEST_POSTGRES is not set";

    public static string? AdminConnectionString { get; } = ReadVariable();

    private static string? ReadVariable()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            // Printed as well as reported as the skip reason, so a run without PostgreSQL says so in its log.
            Console.WriteLine(NotConfigured);
            return null;
        }

        return value;
    }
}

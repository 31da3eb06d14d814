namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>CITYOPS_TEST_POSTGRES</c>; without it the test is reported as
/// skipped with that reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CITYOPS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (ServerConnectionString is null)
        {
            Skip = $"Not run: {Variable} is not set (it names a PostgreSQL server on which the test creates its own database).";
        }
    }

    public static string? ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}

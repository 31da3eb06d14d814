namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>The repository's files as the tests see them, found from the test binaries by walking up to the solution.</summary>
public static class DurableFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The small process the durable tests drive: inspect (user task, due in 3 working days) → wait (timer) → end.</summary>
    public static string InspectAndWait => File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "CityOps.Flow.Web.Tests", "Durable", "inspect-and-wait.bpmn"));

    /// <summary>Waits for a citizen's callback message (keyed by <c>caseId</c>), then for the storm all-clear signal.</summary>
    public static string CallbackThenAllClear => File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "CityOps.Flow.Web.Tests", "Durable", "callback-then-all-clear.bpmn"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CityOps.Flow.sln not found above " + AppContext.BaseDirectory);
    }
}

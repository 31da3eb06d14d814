namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>Finds the shared reference data and this folder's fixtures.</summary>
internal static class BpmnTestFiles
{
    public static string SolutionRoot { get; } = FindSolutionRoot();

    public static string SharedData(params string[] parts) => Path.Combine([SolutionRoot, "..", "shared", "data", .. parts]);

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Bpmn", .. parts]);

    public static string ReadFixture(params string[] parts) => File.ReadAllText(Fixture(parts));

    private static string FindSolutionRoot()
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

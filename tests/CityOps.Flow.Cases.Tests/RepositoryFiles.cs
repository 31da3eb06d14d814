namespace CityOps.Flow.Cases.Tests;

/// <summary>Finds files of the repository (the folder holding CityOps.Flow.sln) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CityOps.Flow.sln not found above {AppContext.BaseDirectory}");
    });

    public static string RepositoryRoot => Root.Value;

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    public static string SharedData(string relative) => Path.Combine(Root.Value, "..", "shared", "data", relative);
}

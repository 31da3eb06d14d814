namespace CityOps.Flow.Engine.Tests.Dmn;

/// <summary>Finds the shared reference data beside the repository (../shared/data from the folder holding the solution).</summary>
internal static class DmnTestData
{
    public static string SharedData(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CityOps.Flow.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new DirectoryNotFoundException($"No CityOps.Flow.sln above {AppContext.BaseDirectory}.");
        }

        return Path.GetFullPath(Path.Combine([directory.FullName, "..", "shared", "data", .. parts]));
    }

    public static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CityOps.Flow.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new DirectoryNotFoundException("No CityOps.Flow.sln found."), .. parts]);
    }
}

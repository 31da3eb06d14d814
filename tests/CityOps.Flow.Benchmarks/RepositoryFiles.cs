using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Benchmarks;

/// <summary>The repository the benchmarks run from: its root and the demo district's working-time calendar.</summary>
internal static class RepositoryFiles
{
    public static string Root()
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

    /// <summary>The shipped calendar of the demo district (workflows/calendars/demo-district.json).</summary>
    public static WorkingTimeCalendar DemoCalendar()
    {
        var path = Path.Combine(Root(), "workflows", "calendars", "demo-district.json");
        var result = WorkingTimeCalendarJson.Read(File.ReadAllText(path));
        return result.Calendar ?? throw new InvalidOperationException($"{path} does not load: {string.Join("; ", result.Problems)}");
    }
}

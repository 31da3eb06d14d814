using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Web.Tests.CasePages;

/// <summary>The demo district's working-time calendar as shipped in workflows/calendars (Mon–Fri 09:00–12:00, 13:30–17:30).</summary>
public static class DemoCalendar
{
    public static WorkingTimeCalendar Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln")))
            {
                var loaded = WorkingTimeCalendarJson.Read(File.ReadAllText(Path.Combine(dir.FullName, "workflows", "calendars", "demo-district.json")));
                return loaded.Calendar ?? throw new InvalidOperationException(string.Join("; ", loaded.Problems));
            }
        }

        throw new InvalidOperationException("CityOps.Flow.sln not found above " + AppContext.BaseDirectory);
    }
}

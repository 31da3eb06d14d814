using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Tests;

/// <summary>The demo district's working-time calendar (workflows/calendars/demo-district.json, with the 2026 holidays).</summary>
internal static class DemoCalendar
{
    private static readonly Lazy<WorkingTimeCalendar> Loaded = new(() =>
    {
        var result = WorkingTimeCalendarJson.Read(File.ReadAllText(RepositoryFiles.PathOf("workflows/calendars/demo-district.json")));
        return result.Calendar ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static WorkingTimeCalendar Calendar => Loaded.Value;

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}

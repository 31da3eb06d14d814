using System.Globalization;
using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Engine.Tests.Scheduling;

/// <summary>Loads the calendar files under Scheduling/Fixtures and the shipped workflows/calendars.</summary>
internal static class CalendarFixtures
{
    public static WorkingTimeCalendar NationalDayOffice { get; } = Load("national-day-office.json");

    public static WorkingTimeCalendar BerlinOffice { get; } = Load("berlin-office.json");

    public static WorkingTimeCalendar BerlinRoundTheClock { get; } = Load("berlin-round-the-clock.json");

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CityOps.Flow.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("CityOps.Flow.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string FixtureText(string file) =>
        File.ReadAllText(Path.Combine(RepositoryRoot, "tests", "CityOps.Flow.Engine.Tests", "Scheduling", "Fixtures", file));

    public static WorkingTimeCalendar Load(string file)
    {
        var result = WorkingTimeCalendarJson.Read(FixtureText(file));
        return result.Calendar ?? throw new InvalidOperationException($"{file}: {string.Join("; ", result.Problems)}");
    }

    /// <summary>An instant written as local time with its offset, e.g. <c>2026-09-30 16:00 +08:00</c>.</summary>
    public static DateTimeOffset At(string text) =>
        DateTimeOffset.ParseExact(text, ["yyyy-MM-dd HH:mm zzz", "yyyy-MM-dd HH:mm:ss zzz"], CultureInfo.InvariantCulture);

    /// <summary>Same instant and shown with the same offset, as a user reading the due date would see it.</summary>
    public static void AssertLocal(string expected, DateTimeOffset actual)
    {
        var wanted = At(expected);
        Assert.Equal(wanted.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), actual.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
    }
}

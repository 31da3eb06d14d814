using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class CalendarJsonTests
{
    [Fact]
    public void Calendar_written_to_json_reads_back_the_same()
    {
        var written = WorkingTimeCalendarJson.Write(NationalDayOffice.Definition);

        var reread = WorkingTimeCalendarJson.Read(written);

        Assert.True(reread.Loaded, string.Join("; ", reread.Problems));
        Assert.Equal(written, WorkingTimeCalendarJson.Write(reread.Calendar!.Definition));
        Assert.Contains("\"国庆节\"", written);
        Assert.Contains("\"from\": \"2026-10-01\"", written);
        Assert.Contains("\"monday\": [", written);
        AssertLocal("2026-10-08 11:30 +08:00", reread.Calendar.AddWorkingTime(At("2026-09-30 16:00 +08:00"), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Calendar_built_in_code_is_written_in_the_file_shape()
    {
        var definition = new WorkingTimeCalendarDefinition
        {
            Name = "Street office",
            TimeZone = "Asia/Shanghai",
            FallbackUtcOffset = TimeSpan.FromHours(8),
            WeeklyHours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
            {
                [DayOfWeek.Saturday] = [WorkingInterval.Of(9, 0, 12, 0)],
                [DayOfWeek.Monday] = [WorkingInterval.Of(8, 30, 12, 0), WorkingInterval.Of(14, 0, 24, 0)],
            },
            Years =
            [
                new HolidayYear
                {
                    Year = 2026,
                    Holidays = [new PublicHoliday("劳动节", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 5))],
                    AdjustedWorkingDays = [new AdjustedWorkingDay("劳动节调休上班", new DateOnly(2026, 5, 9))],
                },
            ],
        };

        var json = WorkingTimeCalendarJson.Write(definition);
        var calendar = WorkingTimeCalendarJson.Read(json).Calendar!;

        Assert.Contains("\"fallbackUtcOffset\": \"+08:00\"", json);
        Assert.Contains("\"14:00-24:00\"", json);
        Assert.True(json.IndexOf("\"monday\"", StringComparison.Ordinal) < json.IndexOf("\"saturday\"", StringComparison.Ordinal));
        Assert.Equal(
            [WorkingInterval.Of(8, 30, 12, 0), WorkingInterval.Of(14, 0, 24, 0)],
            calendar.HoursOn(new DateOnly(2026, 5, 9)));
    }
}

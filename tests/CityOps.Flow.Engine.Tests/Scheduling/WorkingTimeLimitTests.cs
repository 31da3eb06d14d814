using CityOps.Flow.Engine.Scheduling.WorkingTime;
using static CityOps.Flow.Engine.Tests.Scheduling.CalendarFixtures;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class WorkingTimeLimitTests
{
    [Theory]
    [InlineData("P2D", 2, null)]
    [InlineData("P0D", 0, null)]
    [InlineData("PT4H", null, 240)]
    [InlineData("PT15M", null, 15)]
    [InlineData("PT1H30M", null, 90)]
    [InlineData("PT1.5H", null, 90)]
    public void Limit_text_keeps_its_unit(string text, int? days, int? minutes)
    {
        var limit = WorkingTimeLimit.TryParse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(limit);
        Assert.Equal(days, limit.WorkingDays);
        Assert.Equal(minutes is { } m ? TimeSpan.FromMinutes(m) : null, limit.WorkingTime);
    }

    [Theory]
    [InlineData("P1DT4H", "mixes working days and working hours")]
    [InlineData("2 days", "is not a time limit")]
    [InlineData("P", "is not a time limit")]
    [InlineData("PT", "is not a time limit")]
    [InlineData("P1.5D", "is not a time limit")]
    public void Limit_text_that_is_not_one_working_unit_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(WorkingTimeLimit.TryParse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Days_limit_counts_working_days_and_hours_limit_counts_working_time()
    {
        var start = At("2026-09-30 10:00 +08:00");

        AssertLocal("2026-10-09 17:30 +08:00", NationalDayOffice.DueAfter(start, WorkingTimeLimit.TryParse("P2D", out _)!).At);
        AssertLocal("2026-10-08 10:00 +08:00", NationalDayOffice.DueAfter(start, WorkingTimeLimit.TryParse("PT7H", out _)!).At);
    }
}

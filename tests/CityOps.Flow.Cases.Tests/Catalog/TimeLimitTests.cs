using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Tests.Catalog;

public sealed class TimeLimitTests
{
    [Theory]
    [InlineData("PT15M", 15, TimeLimitUnit.WorkingMinutes)]
    [InlineData("PT4H", 4, TimeLimitUnit.WorkingHours)]
    [InlineData("P2D", 2, TimeLimitUnit.WorkingDays)]
    public void Iso_form_round_trips(string text, int amount, TimeLimitUnit unit)
    {
        var limit = TimeLimit.Parse(text);

        Assert.Equal(amount, limit.Amount);
        Assert.Equal(unit, limit.Unit);
        Assert.Equal(text, limit.ToString());
    }

    [Fact]
    public void Working_days_convert_to_minutes_through_the_calendars_day_length()
    {
        Assert.Equal(2 * 7.5 * 60, TimeLimit.WorkingDays(2).ToWorkingMinutes(7.5));
        Assert.Equal(240, TimeLimit.WorkingHours(4).ToWorkingMinutes(7.5));
    }

    [Fact]
    public void Missing_limit_explains_the_notation()
    {
        Assert.False(TimeLimit.TryParse(null, out _, out var problem));
        Assert.Contains("PT15M, PT4H or P2D", problem);
    }

    [Fact]
    public void Zero_amount_cannot_be_constructed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.WorkingHours(0));
    }
}

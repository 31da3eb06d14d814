using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Cases.Tests.Routing;
using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Tests.Supervision;

/// <summary>Due times and warnings on the demo district's 2026 calendar (workflows/calendars/demo-district.json).</summary>
public sealed class CaseDeadlineTests
{
    private static WorkingTimeCalendar Calendar => DemoCalendar.Calendar;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => DemoCalendar.At(month, day, hour, minute);

    [Fact]
    public void Four_working_hours_set_before_national_day_fall_due_after_the_holiday()
    {
        var due = CaseDeadline.Due(Calendar, At(9, 30, 16), TimeLimit.WorkingHours(4));

        Assert.Equal(At(10, 8, 11, 30), due.At);
        Assert.False(due.IsProvisional);
    }

    [Fact]
    public void Two_working_days_set_on_a_friday_fall_due_at_close_on_tuesday()
    {
        Assert.Equal(At(11, 24, 17, 30), CaseDeadline.Due(Calendar, At(11, 20, 10), TimeLimit.WorkingDays(2)).At);
    }

    [Fact]
    public void Working_days_are_not_twenty_four_hour_blocks()
    {
        var twoDays = CaseDeadline.Due(Calendar, At(11, 23, 9), TimeLimit.WorkingDays(2)).At;
        var fortyEightHours = CaseDeadline.Due(Calendar, At(11, 23, 9), TimeLimit.WorkingHours(48)).At;

        Assert.True(twoDays < fortyEightHours);
    }

    [Fact]
    public void Fifteen_minutes_before_lunch_run_on_after_lunch()
    {
        Assert.Equal(At(11, 23, 13, 35), CaseDeadline.Due(Calendar, At(11, 23, 11, 50), TimeLimit.WorkingMinutes(15)).At);
    }

    [Fact]
    public void Limit_running_into_a_year_without_holiday_data_is_provisional()
    {
        var due = CaseDeadline.Due(Calendar, At(12, 28, 10), TimeLimit.WorkingDays(10));

        Assert.True(due.IsProvisional);
        Assert.Contains(2027, due.YearsAssumedRegular);
    }

    [Fact]
    public void Lunch_break_does_not_use_up_the_limit_and_the_table_warns_orange_at_three_quarters()
    {
        var start = At(11, 23, 9);
        var due = CaseDeadline.Due(Calendar, start, TimeLimit.WorkingHours(4)).At;
        var assessor = new EscalationAssessor(ShippedDecisionTables.Evaluator, ShippedDecisionTables.Escalation);

        var request = CaseDeadline.EscalationAt(Calendar, start, due, At(11, 23, 13), clusterSize: 1, publicSafety: false);
        var decision = assessor.Assess(request).Decision!;

        Assert.Equal(At(11, 23, 14, 30), due);
        Assert.Equal(0.75, request.FractionUsed, 6);
        Assert.Equal(WarningTier.Orange, decision.Tier);
    }

    [Fact]
    public void Case_past_its_due_time_is_overdue_and_supervised()
    {
        var start = At(11, 20, 10);
        var due = CaseDeadline.Due(Calendar, start, TimeLimit.WorkingDays(2)).At;
        var assessor = new EscalationAssessor(ShippedDecisionTables.Evaluator, ShippedDecisionTables.Escalation);

        var decision = assessor.Assess(CaseDeadline.EscalationAt(Calendar, start, due, At(11, 25, 9, 30), 1, publicSafety: true)).Decision!;

        Assert.Equal(WarningTier.Overdue, decision.Tier);
        Assert.True(decision.Supervise);
        Assert.Contains(SupervisionRole.DistrictLeader, decision.Notify);
    }

    [Fact]
    public void Due_state_counts_the_weekend_as_no_time_used()
    {
        // Two working days from Friday 10:00 fall due Tuesday 17:30; Monday evening has used half of them.
        var start = At(11, 20, 10);
        var due = CaseDeadline.Due(Calendar, start, TimeLimit.WorkingDays(2)).At;

        Assert.Equal(DueState.OnTime, CaseDeadline.StateAt(Calendar, start, due, At(11, 22, 23)));
        Assert.Equal(DueState.NearDue, CaseDeadline.StateAt(Calendar, start, due, At(11, 24, 14)));
        Assert.Equal(DueState.Overdue, CaseDeadline.StateAt(Calendar, start, due, At(11, 24, 17, 30)));
    }

    [Fact]
    public void Without_a_due_time_no_limit_runs()
    {
        Assert.Equal(DueState.None, CaseDeadline.StateAt(Calendar, At(11, 20, 10), null, At(11, 30, 10)));
    }
}

using CityOps.Flow.Engine.Runtime.History;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

/// <summary>
/// A street lamp dispatched on Thursday 24 September 2026 at 09:00 with two working days: Friday 25 is the
/// Mid-Autumn holiday and the weekend follows, so it is due on Tuesday 29 at 17:30 after 21 working hours.
/// Checkpoints fall at 25 % (Thu 15:45), 50 % (Mon 14:00), 75 % (Tue 10:45), 90 % (Tue 15:24) and 100 %.
/// </summary>
public sealed class WarningTierTests
{
    private static readonly DateTimeOffset Dispatched = DemoCalendar.At(9, 24, 9);

    [Fact]
    public void Each_tier_is_told_once_across_the_holiday_and_overdue_brings_supervision_while_handling_goes_on()
    {
        var h = new LifecycleHarness(Dispatched);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        Assert.Equal(DemoCalendar.At(9, 29, 17, 30), h.Instant(id, "dueAt"));

        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(9, 24, 16)));
        Assert.Empty(h.Notices);

        Assert.Equal(0, h.AdvanceTo(DemoCalendar.At(9, 28, 13, 59)));
        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(9, 28, 14)));
        Assert.Equal("yellow", Assert.Single(h.Notices).Tier);

        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(9, 29, 10, 45)));
        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(9, 29, 15, 24)));
        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(9, 29, 17, 30)));

        Assert.Equal(["yellow", "orange", "red", "overdue"], h.Notices.Select(n => n.Tier));
        Assert.Equal([false, false, false, true], h.Notices.Select(n => n.Supervise));
        Assert.Equal(["handler"], h.Notices[0].Recipients);
        Assert.Equal(["handler", "section chief", "department leader"], h.Notices[^1].Recipients);
        Assert.Equal(4m, h.Variable(id, "warningLevel"));
        Assert.Equal("overdue", h.Variable(id, "warningTier"));
        Assert.Equal(4, ((IEnumerable<object?>)h.Variable(id, "notices")!).Count());
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal(5, h.History(id).Count(e => e is JobFired));
        h.AssertNoIncidents(id);
        h.AssertHistoryReplays(id);
    }

    [Fact]
    public void Public_safety_cases_are_warned_earlier_by_the_escalation_table()
    {
        var h = new LifecycleHarness(Dispatched);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("publicSafety", true)));

        h.AdvanceTo(DemoCalendar.At(9, 24, 16));

        Assert.Equal("yellow", Assert.Single(h.Notices).Tier);
        Assert.Equal(1m, h.Variable(id, "warningLevel"));
    }

    [Fact]
    public void Timers_that_fall_due_together_after_a_long_absence_send_only_the_highest_tier_once()
    {
        var h = new LifecycleHarness(Dispatched);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        Assert.Equal(5, h.AdvanceTo(DemoCalendar.At(9, 30, 9)));

        Assert.Equal(["overdue"], h.Notices.Select(n => n.Tier));
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
    }

    [Fact]
    public void Finishing_the_handling_cancels_the_pending_warnings()
    {
        var h = new LifecycleHarness(Dispatched);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "done"));

        Assert.Equal(0, h.AdvanceTo(DemoCalendar.At(9, 30, 9)));
        Assert.Empty(h.Notices);
    }

    [Fact]
    public void A_key_case_adds_the_leader_to_every_notice()
    {
        var h = new LifecycleHarness(Dispatched);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Engine.SetVariables(id, new Dictionary<string, object?> { ["keyCase"] = true, ["keyCaseLeader"] = "u-deputy-mayor" }).Expect();
        h.AdvanceTo(DemoCalendar.At(9, 28, 14));
        h.AdvanceTo(DemoCalendar.At(9, 29, 17, 30));

        Assert.Equal(["yellow", "overdue"], h.Notices.Select(n => n.Tier));
        Assert.All(h.Notices, n => Assert.Equal("leader:u-deputy-mayor", n.Recipients[^1]));
    }
}

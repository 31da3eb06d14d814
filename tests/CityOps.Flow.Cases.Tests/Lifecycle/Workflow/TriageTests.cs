using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class TriageTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    [Fact]
    public void A_report_that_needs_triage_waits_for_the_triage_desk_then_is_routed()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("channel", "video"), ("needsTriage", true)));

        Assert.Equal(["Triage @ triage"], h.WorkList(id));
        h.Complete(id, "Triage", ("triageOutcome", "valid"));

        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
    }

    [Fact]
    public void A_false_alarm_is_rejected_at_triage()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("channel", "video"), ("needsTriage", true)));

        h.Complete(id, "Triage", ("triageOutcome", "invalid"), ("triageReason", "shadow of a tree, not a broken lamp"));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(["invalid"], h.Statuses);
        Assert.Equal("Rejected", h.Path(id)[^1]);
    }

    [Fact]
    public void The_triage_desk_can_merge_a_report_into_an_open_case()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("needsTriage", true)));

        h.Complete(id, "Triage", ("triageOutcome", "valid"), ("duplicateOf", "C-20261101-0042"));

        Assert.Equal(["merged"], h.Statuses);
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
    }
}

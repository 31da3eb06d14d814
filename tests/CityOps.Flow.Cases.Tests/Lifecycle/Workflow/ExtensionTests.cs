namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class ExtensionTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    [Fact]
    public void An_approved_extension_moves_the_due_time_by_working_days()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "extend"), ("extensionLimit", "P2D"), ("extensionReason", "replacement pole on order"));
        Assert.Equal(["DecideExtension @ supervisors"], h.WorkList(id));
        h.Complete(id, "DecideExtension", ("extensionApproved", true));

        Assert.Equal(DemoCalendar.At(11, 6, 17, 30), h.Instant(id, "dueAt"));
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal(DemoCalendar.At(11, 6, 17, 30), h.Task(id, "HandleCase").DueDate);
        Assert.Equal(1m, h.Variable(id, "extensionCount"));
        h.AssertNoIncidents(id);
    }

    [Fact]
    public void A_denied_extension_keeps_the_due_time_and_the_lead_goes_on()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "extend"), ("extensionLimit", "P2D"));
        h.Complete(id, "DecideExtension", ("extensionApproved", false), ("extensionDecisionReason", "a spare pole is in the depot"));

        Assert.Equal(DemoCalendar.At(11, 4, 17, 30), h.Instant(id, "dueAt"));
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal(DemoCalendar.At(11, 4, 17, 30), h.Task(id, "HandleCase").DueDate);
    }
}

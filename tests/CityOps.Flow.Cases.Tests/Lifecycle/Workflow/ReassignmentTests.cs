using CityOps.Flow.Engine.Runtime.Commands;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

/// <summary>A leader hands a case in handling to another department (交办改派), and the due-time steps the host follows.</summary>
public sealed class ReassignmentTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    [Fact]
    public void A_reassignment_during_joint_handling_ends_every_task_and_hands_the_case_to_the_new_lead_with_its_due_time()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "assist"), ("assistingDepartments", new List<object?> { "dept-water", "dept-greening" }));
        Assert.Equal(2, h.Tasks(id).Count);

        var result = h.Engine.CorrelateMessage("leader-reassignment", "C-20261102-0001",
            new Dictionary<string, object?> { ["assignedDepartment"] = "dept-housing", ["assignedBy"] = "leader" }, TimeSpan.Zero);

        Assert.Equal(MessageCorrelationOutcome.Correlated, result.Outcome);
        Assert.Equal(["HandleCase @ dept:dept-housing"], h.WorkList(id));
        Assert.Equal(DemoCalendar.At(11, 4, 17, 30), h.Task(id, "HandleCase").DueDate);
        Assert.Equal(["dispatched", "dispatched"], h.Statuses);
        Assert.Empty((IEnumerable<object?>)h.Variable(id, "assistingDepartments")!);
        h.AssertNoIncidents(id);
        h.AssertHistoryReplays(id);
    }

    [Fact]
    public void A_reassignment_while_no_department_handles_the_case_is_dropped()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "done"));

        var result = h.Engine.CorrelateMessage("leader-reassignment", "C-20261102-0001",
            new Dictionary<string, object?> { ["assignedDepartment"] = "dept-housing" }, TimeSpan.Zero);

        Assert.Equal(MessageCorrelationOutcome.Dropped, result.Outcome);
        Assert.Equal(["ReviewResult @ dispatch:310199001"], h.WorkList(id));
    }

    [Fact]
    public void The_due_time_is_known_to_the_dispatch_step_and_told_again_when_an_extension_moves_it()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "extend"), ("extensionLimit", "P2D"), ("extensionReason", "pole on order"));

        h.Complete(id, "DecideExtension", ("extensionApproved", true));

        Assert.Equal([DemoCalendar.At(11, 6, 17, 30)], h.DueTimes);
        Assert.Equal(DemoCalendar.At(11, 6, 17, 30), h.Instant(id, "dueAt"));
        h.AssertHistoryReplays(id);
    }

    [Fact]
    public void A_reopened_case_gets_a_fresh_limit_counted_from_the_reopening()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "done"));
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));
        h.AdvanceTo(DemoCalendar.At(11, 3, 10));

        h.Complete(id, "CallBack", ("satisfaction", "dissatisfied"));

        Assert.Equal([DemoCalendar.At(11, 5, 17, 30)], h.DueTimes);
        Assert.Equal(DemoCalendar.At(11, 5, 17, 30), h.Task(id, "HandleCase").DueDate);
        Assert.Equal(DemoCalendar.At(11, 3, 10), h.Instant(id, "dispatchedAt"));
        h.AssertHistoryReplays(id);
    }
}

using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class JointHandlingTests
{
    [Fact]
    public void Two_assisting_departments_work_in_parallel_then_the_lead_finalises()
    {
        var h = new LifecycleHarness(DemoCalendar.At(11, 2, 9));
        var id = h.Start(LifecycleHarness.CaseVariables("E0404", "PT4H"));
        Assert.Equal(new[] { "dept-emergency", "dept-public-security" }, ((IEnumerable<object?>)h.Variable(id, "assistingDepartments")!).Cast<string>());

        h.Complete(id, "HandleCase", ("handlingOutcome", "assist"));

        Assert.Equal(["AssistCase @ dept:dept-emergency", "AssistCase @ dept:dept-public-security"], h.WorkList(id));
        var assists = h.Tasks(id);
        h.Complete(assists.Single(t => t.CandidateGroups[0] == "dept:dept-public-security"), ("assistNote", "cordon in place"));
        Assert.Equal(["AssistCase @ dept:dept-emergency"], h.WorkList(id));
        h.Complete(assists.Single(t => t.CandidateGroups[0] == "dept:dept-emergency"), ("assistNote", "residents evacuated"));

        Assert.Equal(["FinaliseCase @ dept:dept-gas"], h.WorkList(id));
        h.Complete(id, "FinaliseCase", ("handlingOutcome", "done"));

        Assert.Equal(["ReviewResult @ dispatch:310199001"], h.WorkList(id));
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
        h.AssertNoIncidents(id);
        h.AssertHistoryReplays(id);
    }

    [Fact]
    public void The_lead_may_name_other_assisting_departments_than_the_table()
    {
        var h = new LifecycleHarness(DemoCalendar.At(11, 2, 9));
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "assist"), ("assistingDepartments", new[] { "dept-power" }));

        Assert.Equal(["AssistCase @ dept:dept-power"], h.WorkList(id));
    }
}

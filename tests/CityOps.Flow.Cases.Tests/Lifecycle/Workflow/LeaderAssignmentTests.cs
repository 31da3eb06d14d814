using CityOps.Flow.Engine.Runtime.Commands;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class LeaderAssignmentTests
{
    [Fact]
    public void A_leader_assignment_starts_a_case_at_the_named_department_without_the_dispatcher()
    {
        var h = new LifecycleHarness(DemoCalendar.At(11, 2, 9));
        var variables = LifecycleHarness.CaseVariables("E9003", "P3D",
            ("caseId", "C-20261102-0007"), ("assignedDepartment", "dept-housing"), ("assignedBy", "u-district-head"),
            ("keyCase", true), ("keyCaseLeader", "u-district-head"));

        var result = h.Engine.CorrelateMessage("leader-assignment", "C-20261102-0007", variables);

        Assert.Equal(MessageCorrelationOutcome.Correlated, result.Outcome);
        var id = Assert.Single(result.Instances);
        Assert.Equal(["HandleCase @ dept:dept-housing"], h.WorkList(id));
        Assert.Equal("dept-housing", h.Variable(id, "leadDepartment"));
        Assert.Equal("dispatcher", ((IReadOnlyDictionary<string, object?>)h.Variable(id, "routing")!)["dispatchMode"]);
        Assert.DoesNotContain("FileCase", h.Path(id));
        Assert.Equal("LeaderAssigned", h.Path(id)[0]);
        Assert.Equal(DemoCalendar.At(11, 5, 17, 30), h.Task(id, "HandleCase").DueDate);
        h.AssertNoIncidents(id);
    }
}

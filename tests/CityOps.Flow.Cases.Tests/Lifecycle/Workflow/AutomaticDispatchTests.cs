using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class AutomaticDispatchTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    [Fact]
    public void A_street_lamp_goes_straight_to_the_construction_bureau_with_a_working_time_due()
    {
        var h = new LifecycleHarness(Monday);

        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.AssertNoIncidents(id);
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal("dept-construction", h.Variable(id, "leadDepartment"));
        Assert.Equal(DemoCalendar.At(11, 4, 17, 30), h.Task(id, "HandleCase").DueDate);
        Assert.Equal(["dispatched"], h.Statuses);
        Assert.DoesNotContain("FileCase", h.Path(id));
    }

    [Fact]
    public void An_accepted_result_with_a_satisfied_citizen_closes_the_case()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "done"));
        Assert.Equal(["ReviewResult @ dispatch:310199001"], h.WorkList(id));
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));
        Assert.Equal(["CallBack @ callback"], h.WorkList(id));
        h.Complete(id, "CallBack", ("satisfaction", "satisfied"));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(["dispatched", "closed"], h.Statuses);
        Assert.Equal("Closed", h.Path(id)[^1]);
    }

    [Fact]
    public void A_duplicate_report_is_merged_into_the_open_case_without_routing()
    {
        var h = new LifecycleHarness(Monday);

        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("duplicateOf", "C-20261101-0042")));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(["merged"], h.Statuses);
        Assert.DoesNotContain("Route", h.Path(id));
    }

    [Fact]
    public void A_host_may_leave_out_the_optional_variables()
    {
        var h = new LifecycleHarness(Monday);
        var variables = LifecycleHarness.CaseVariables("0109", "P2D");
        foreach (var optional in new[] { "duplicateOf", "assignedDepartment", "keyCase", "keyCaseLeader", "publicSafety", "communityId" })
        {
            variables.Remove(optional);
        }

        var id = h.Start(variables);
        h.AdvanceTo(DemoCalendar.At(11, 4, 17, 30));

        h.AssertNoIncidents(id);
        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal(["handler", "section chief", "department leader"], h.Notices[^1].Recipients);
    }
}

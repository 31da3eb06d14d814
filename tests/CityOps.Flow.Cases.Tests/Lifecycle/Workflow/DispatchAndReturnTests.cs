using CityOps.Flow.Engine.Runtime.History;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class DispatchAndReturnTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    [Fact]
    public void A_case_the_table_leaves_to_a_person_waits_for_the_street_dispatcher_to_file_it()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("E9003", "P3D"));

        Assert.Equal(["FileCase @ dispatch:310199001"], h.WorkList(id));
        Assert.Empty(h.Statuses);

        h.Complete(id, "FileCase", ("leadDepartment", "310199001-office"));

        Assert.Equal(["HandleCase @ dept:310199001-office"], h.WorkList(id));
        Assert.Equal(["dispatched"], h.Statuses);
        Assert.Equal(DemoCalendar.At(11, 5, 17, 30), h.Instant(id, "dueAt"));
    }

    [Fact]
    public void A_case_without_a_street_goes_to_the_district_dispatchers()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D", ("streetId", null), ("communityId", null)));

        Assert.Equal(["FileCase @ dispatch:district"], h.WorkList(id));
    }

    [Fact]
    public void A_return_goes_back_to_the_dispatcher_and_the_third_return_to_the_district_centre()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        var firstDue = h.Variable(id, "dueAt");

        h.Complete(id, "HandleCase", ("handlingOutcome", "return"), ("returnReason", "not our lamp: it belongs to the park"));
        Assert.Equal(["FileCase @ dispatch:310199001"], h.WorkList(id));
        Assert.Equal(1m, h.Variable(id, "returnCount"));

        h.Complete(id, "FileCase", ("leadDepartment", "dept-greening"));
        Assert.Equal(["HandleCase @ dept:dept-greening"], h.WorkList(id));
        h.Complete(id, "HandleCase", ("handlingOutcome", "return"), ("returnReason", "the park lamps are the street office's"));
        h.Complete(id, "FileCase", ("leadDepartment", "310199001-office"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "return"), ("returnReason", "power supply fault, not the lamp"));

        Assert.Equal(["DistrictDecides @ dispatch:district"], h.WorkList(id));
        Assert.Equal(3m, h.Variable(id, "returnCount"));
        Assert.Equal("power supply fault, not the lamp", h.Variable(id, "returnReason"));

        h.Complete(id, "DistrictDecides", ("leadDepartment", "dept-power"));

        Assert.Equal(["HandleCase @ dept:dept-power"], h.WorkList(id));
        Assert.Equal(firstDue, h.Variable(id, "dueAt"));
        Assert.Equal(3, h.History(id).Count(e => e is ElementEntered { ElementId: "Returned" }));
        h.AssertNoIncidents(id);
        h.AssertHistoryReplays(id);
    }
}

using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class GatewayTests
{
    [Fact]
    public void Inclusive_join_does_not_wait_for_a_branch_that_was_not_taken()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/inclusive-join.bpmn");
        var id = h.Start("inclusive_join", new { needsRoads = true, needsWater = false });

        Assert.Equal(["Roads"], h.Tasks(id).Select(t => t.ElementId));
        h.Complete(id, "Roads");

        Assert.Equal(["Review"], h.Tasks(id).Select(t => t.ElementId));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Inclusive_join_waits_for_every_taken_branch()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/inclusive-join.bpmn");
        var id = h.Start("inclusive_join", new { needsRoads = true, needsWater = true });

        h.Complete(id, "Water");
        Assert.Equal(["Join", "Roads"], h.ActiveElements(id));
        h.Complete(id, "Roads");

        Assert.Equal(["Review"], h.Tasks(id).Select(t => t.ElementId));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Inclusive_fork_takes_the_default_flow_when_no_condition_holds()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/inclusive-join.bpmn");
        var id = h.Start("inclusive_join", new { needsRoads = false, needsWater = false });

        Assert.Equal(["Triage"], h.Tasks(id).Select(t => t.ElementId));
        h.Complete(id, "Triage");
        h.Complete(id, "Review");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Event_based_gateway_takes_the_message_when_it_comes_first_and_drops_the_timer()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/payment-race.bpmn");
        var id = h.Start("feedback_race", new { caseNo = "C-1001" });
        Assert.Single(h.State(id).Jobs);

        var result = h.Engine.CorrelateMessage("citizen-feedback", "C-1001", new Dictionary<string, object?> { ["satisfied"] = true });

        Assert.Equal([id], result.Instances);
        Assert.Equal(["ReadFeedback"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Empty(h.State(id).Jobs);
        Assert.Empty(h.State(id).MessageSubscriptions);
        Assert.Equal(true, h.Variable(id, "satisfied"));
        Assert.Equal(0, h.Advance(TimeSpan.FromDays(4)));
        Assert.Equal(["ReadFeedback"], h.Tasks(id).Select(t => t.ElementId));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Event_based_gateway_takes_the_timer_when_it_comes_first_and_the_late_message_finds_no_one()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/payment-race.bpmn");
        var id = h.Start("feedback_race", new { caseNo = "C-1002" });

        Assert.Equal(1, h.Advance(TimeSpan.FromDays(3)));
        var late = h.Engine.CorrelateMessage("citizen-feedback", "C-1002", timeToLive: TimeSpan.Zero);

        Assert.Equal(["CallCitizen"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Empty(late.Instances);
        Assert.Empty(h.State(id).MessageSubscriptions);
        h.AssertReplayMatches(id);
    }
}

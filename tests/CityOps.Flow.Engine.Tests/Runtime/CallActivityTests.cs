using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class CallActivityTests
{
    [Fact]
    public void Call_activity_runs_the_child_with_the_parents_variables_and_takes_its_variables_back()
    {
        var h = new RuntimeHarness();
        h.Deploy("subprocesses/call-child.bpmn");
        var parent = h.Start("call_parent", new { department = "roads" });

        var child = Assert.Single(h.History(parent).OfType<ChildInstanceStarted>()).ChildInstanceId;
        Assert.Equal(["roads"], h.Task(child, "Handle").CandidateGroups);
        h.Complete(child, "Handle", new { result = "pothole filled" });

        Assert.Equal(InstanceStatus.Completed, h.State(child).Status);
        Assert.Equal("pothole filled", h.Variable(parent, "result"));
        Assert.Equal(["Close"], h.Tasks(parent).Select(t => t.ElementId));
        h.AssertReplayMatches(parent);
        h.AssertReplayMatches(child);
    }

    [Fact]
    public void Error_end_in_the_child_is_caught_on_the_call_activity_of_the_parent()
    {
        var h = new RuntimeHarness();
        h.Deploy("subprocesses/call-child.bpmn");
        var parent = h.Start("call_parent", new { department = "parks" });
        var child = h.History(parent).OfType<ChildInstanceStarted>().Single().ChildInstanceId;

        h.Complete(child, "Handle", new { misrouted = true });

        Assert.Equal(InstanceStatus.Cancelled, h.State(child).Status);
        Assert.Equal(["Redispatch"], h.Tasks(parent).Select(t => t.ElementId));
        h.AssertReplayMatches(parent);
        h.AssertReplayMatches(child);
    }

    [Fact]
    public void Cancelling_the_parent_cancels_the_called_child()
    {
        var h = new RuntimeHarness();
        h.Deploy("subprocesses/call-child.bpmn");
        var parent = h.Start("call_parent", new { department = "parks" });
        var child = h.History(parent).OfType<ChildInstanceStarted>().Single().ChildInstanceId;

        Assert.False(h.Engine.CancelInstance(child, "wrong").Succeeded);
        h.Engine.CancelInstance(parent, "withdrawn").Expect();

        Assert.Equal(InstanceStatus.Cancelled, h.State(child).Status);
        Assert.Empty(h.Tasks(child));
    }
}

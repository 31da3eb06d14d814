using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class ScopeTests
{
    private static (RuntimeHarness Harness, Guid Id) OnSite()
    {
        var h = new RuntimeHarness();
        h.Deploy("subprocesses/scoped-endings.bpmn");
        return (h, h.Start("scoped_endings", new { hazard = false, needHelp = false }));
    }

    [Fact]
    public void Terminate_end_inside_a_sub_process_ends_only_the_sub_process()
    {
        var (h, id) = OnSite();

        h.Complete(id, "Assess");

        Assert.Equal(["Report"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "Measure" });
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Error_end_in_a_sub_process_starts_the_error_event_sub_process_of_the_instance()
    {
        var (h, id) = OnSite();

        h.Complete(id, "Assess", new { hazard = true });

        Assert.Equal(["Evacuate"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Equal("HazardStart", h.History(id).OfType<ErrorThrown>().Single().CaughtBy);
        h.Complete(id, "Evacuate");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.DoesNotContain(h.History(id), e => e is ElementEntered { ElementId: "Report" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Escalation_end_starts_a_non_interrupting_event_sub_process_and_the_sub_process_goes_on()
    {
        var (h, id) = OnSite();

        h.Complete(id, "Assess", new { needHelp = true });

        Assert.Equal(["Measure", "SendHelp"], h.Tasks(id).Select(t => t.ElementId).Order());
        h.Complete(id, "Measure");
        Assert.Equal(["Report", "SendHelp"], h.Tasks(id).Select(t => t.ElementId).Order());
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Input_mapping_creates_a_local_variable_that_does_not_leak_into_the_instance()
    {
        var (h, id) = OnSite();
        var assess = h.Task(id, "Assess");

        Assert.Equal("assessing", h.State(id).LocalVariables(assess.TokenId)["stage"]);
        Assert.Null(h.Variable(id, "stage"));
        h.Complete(id, "Assess");
        Assert.DoesNotContain(h.State(id).Variables.Values, scope => scope.ContainsKey("stage"));
    }

    [Fact]
    public void Replay_rebuilds_the_open_tasks_at_any_earlier_event()
    {
        var (h, id) = OnSite();
        h.Complete(id, "Assess", new { needHelp = true });
        var history = h.History(id);
        var helpCreated = history.OfType<UserTaskCreated>().Single(e => e.Task.ElementId == "SendHelp");

        var before = InstanceReplay.StateAt(history, helpCreated.Sequence - 1);
        var at = InstanceReplay.StateAt(history, helpCreated.Sequence);

        Assert.Equal(["Measure"], before.OpenTasks.Values.Select(t => t.ElementId));
        Assert.Equal(["Measure", "SendHelp"], at.OpenTasks.Values.Select(t => t.ElementId).Order());
        Assert.Equal(history.Count, InstanceReplay.Steps(history).Count());
    }
}

using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.ServiceTasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class VersionTests
{
    private static RuntimeHarness Harness() =>
        new(handlers => handlers.Register("send-reminder", _ => ServiceTaskResult.Completed()));

    private static DeploymentResource Resource(string path) => new("reminder.bpmn", RuntimeHarness.ProcessFile(path));

    [Fact]
    public void Deploying_identical_content_again_creates_nothing()
    {
        var h = Harness();
        var first = h.Engine.Deploy([Resource("timers/reminder-cycle.bpmn")]);
        var again = h.Engine.Deploy([Resource("timers/reminder-cycle.bpmn")]);

        Assert.Equal(new DeployedVersion("reminder_cycle", 1, true, false), Assert.Single(first.Versions));
        Assert.Equal(new DeployedVersion("reminder_cycle", 1, false, false), Assert.Single(again.Versions));
        Assert.Equal(1, h.Store.FindProcess("reminder_cycle")!.Version);
    }

    [Fact]
    public void Changed_content_becomes_version_2_and_a_running_instance_stays_on_version_1()
    {
        var h = Harness();
        h.Engine.Deploy([Resource("timers/reminder-cycle.bpmn")]);
        var old = h.Start("reminder_cycle");

        var second = h.Engine.Deploy([Resource("versions/reminder-v2.bpmn")]);
        var fresh = h.Start("reminder_cycle");

        Assert.Equal(2, second.VersionOf("reminder_cycle"));
        Assert.Equal(1, h.State(old).ProcessVersion);
        Assert.Equal(2, h.State(fresh).ProcessVersion);
        Assert.Equal(1, h.Advance(TimeSpan.FromHours(1)));
        Assert.Equal(1, h.History(old).Count(e => e is CityOps.Flow.Engine.Runtime.History.JobFired));
        Assert.Equal(0, h.History(fresh).Count(e => e is CityOps.Flow.Engine.Runtime.History.JobFired));
        h.Complete(old, "Handle");
        Assert.Equal(CityOps.Flow.Engine.Runtime.State.InstanceStatus.Completed, h.State(old).Status);
    }

    [Fact]
    public void Start_by_version_pins_an_older_version()
    {
        var h = Harness();
        h.Engine.Deploy([Resource("timers/reminder-cycle.bpmn")]);
        h.Engine.Deploy([Resource("versions/reminder-v2.bpmn")]);

        var pinned = h.Engine.StartInstance("reminder_cycle", version: 1).Expect();
        var missing = h.Engine.StartInstance("reminder_cycle", version: 3);

        Assert.Equal(1, h.State(pinned).ProcessVersion);
        Assert.False(missing.Succeeded);
        Assert.Contains("no version 3", missing.Error);
    }

    [Fact]
    public void Unsupported_elements_refuse_the_deployment_with_the_element_id()
    {
        var h = Harness();
        const string script = """
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
              <bpmn:process id="scripted" isExecutable="true">
                <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="Calc" />
                <bpmn:scriptTask id="Calc" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var result = h.Engine.Deploy([new DeploymentResource("scripted.bpmn", script)]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains("Calc"));
        Assert.Null(h.Store.FindProcess("scripted"));
    }
}

public sealed class SharedDataDeploymentTests
{
    [Fact]
    public void A_real_bpmn_file_with_a_script_task_is_refused_naming_the_element_and_line()
    {
        var h = new RuntimeHarness();
        var path = Path.Combine(RuntimeHarness.RepositoryRoot(), "..", "shared", "data", "bpmn-real", "bpmn-elements__task-with-multi-instance-loop.bpmn");

        var result = h.Engine.Deploy([new CityOps.Flow.Engine.Runtime.Commands.DeploymentResource(Path.GetFileName(path), File.ReadAllText(path))]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains("(recurring)") && p.Contains("8:6") && p.Contains("script"));
        Assert.Empty(h.Store.LatestProcesses());
    }
}

using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class EventTests
{
    [Fact]
    public void Escalation_from_a_sub_process_caught_by_a_non_interrupting_boundary_keeps_the_sub_process_running()
    {
        var h = new RuntimeHarness();
        h.Deploy("escalation/subprocess-escalation.bpmn");
        var id = h.Start("subprocess_escalation");

        Assert.Equal(["Fix", "NotifySupervisor"], h.Tasks(id).Select(t => t.ElementId).Order());
        var raised = Assert.Single(h.History(id).OfType<EscalationRaised>());
        Assert.Equal(("LATE", "CatchLate"), (raised.Code, raised.CaughtBy));

        h.Complete(id, "Fix");
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
        h.Complete(id, "NotifySupervisor");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Uncaught_escalation_is_recorded_and_the_flow_continues()
    {
        var h = new RuntimeHarness();
        h.Deploy("escalation/uncaught-escalation.bpmn");
        var id = h.Start("uncaught_escalation");

        var raised = Assert.Single(h.History(id).OfType<EscalationRaised>());
        Assert.Null(raised.CaughtBy);
        Assert.Equal(["After"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Empty(h.State(id).Incidents);
    }

    [Fact]
    public void Handler_error_is_caught_by_the_error_boundary()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("geocode", _ => ServiceTaskResult.Error("NO_ADDRESS", "address is blank")));
        h.Deploy("errors/handler-errors.bpmn");
        var id = h.Start("handler_errors", new { address = "" });

        Assert.Equal(["AskAddress"], h.Tasks(id).Select(t => t.ElementId));
        var thrown = Assert.Single(h.History(id).OfType<ErrorThrown>());
        Assert.Equal(("NO_ADDRESS", "NoAddress"), (thrown.Code, thrown.CaughtBy));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Uncaught_error_becomes_an_incident_and_the_instance_waits_for_an_operator()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("geocode", _ => throw new BpmnErrorException("GRID_UNKNOWN")));
        h.Deploy("errors/handler-errors.bpmn");
        var id = h.Start("handler_errors", new { address = "1 Renmin Road" });

        var state = h.State(id);
        Assert.Equal(InstanceStatus.Active, state.Status);
        var incident = Assert.Single(state.Incidents.Values);
        Assert.Equal(("Geocode", IncidentKind.UnhandledError), (incident.ElementId, incident.Kind));
        Assert.Contains("GRID_UNKNOWN", incident.Message);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Handler_input_mapping_is_local_and_output_mapping_names_what_leaves_the_task()
    {
        IReadOnlyDictionary<string, object?>? seen = null;
        var h = new RuntimeHarness(handlers => handlers.Register("geocode", context =>
        {
            seen = context.Variables;
            return ServiceTaskResult.Completed(new Dictionary<string, object?> { ["location"] = "grid-12", ["debug"] = "raw" });
        }));
        h.Deploy("errors/handler-errors.bpmn");
        var id = h.Start("handler_errors", new { address = "1 Renmin Road" });

        Assert.Equal("1 Renmin Road", seen!["text"]);
        var root = h.State(id).LocalVariables(ProcessInstanceState.RootTokenId);
        Assert.Equal("grid-12", root["gridCell"]);
        Assert.False(root.ContainsKey("text"));
        Assert.False(root.ContainsKey("debug"));
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
    }

    [Fact]
    public void Unknown_service_task_type_refuses_the_deployment()
    {
        var h = new RuntimeHarness();
        var result = h.Engine.Deploy([new DeploymentResource("handler-errors.bpmn", RuntimeHarness.ProcessFile("errors/handler-errors.bpmn"))]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains("geocode"));
        Assert.Null(h.Store.FindProcess("handler_errors"));
    }

    [Fact]
    public void Terminate_end_cancels_the_other_branch_and_completes_the_instance()
    {
        var h = new RuntimeHarness();
        h.Deploy("subprocesses/terminate-branch.bpmn");
        var id = h.Start("terminate_branch");

        h.Complete(id, "Withdraw");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Empty(h.Tasks(id));
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "Handle" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Signal_interrupts_waiting_patrols_and_starts_the_response_process()
    {
        var h = new RuntimeHarness();
        h.Deploy("signals/storm-alert.bpmn");
        var first = h.Start("storm_watch");
        var second = h.Start("storm_watch");

        var reached = h.Engine.BroadcastSignal("storm-alert");

        Assert.Equal(3, reached.Count);
        Assert.Equal(["Shelter"], h.Tasks(first).Select(t => t.ElementId));
        Assert.Equal(["Shelter"], h.Tasks(second).Select(t => t.ElementId));
        var response = Assert.Single(reached, r => r != first && r != second);
        Assert.Equal(["Prepare"], h.Tasks(response).Select(t => t.ElementId));
        h.Complete(response, "Prepare");
        Assert.Contains(h.History(response), e => e is SignalThrown { SignalName: "drill" });
        Assert.Equal(InstanceStatus.Completed, h.State(response).Status);
        h.AssertReplayMatches(first);
    }

    [Fact]
    public void Signal_end_event_broadcasts_its_signal_as_the_instance_ends()
    {
        var h = new RuntimeHarness();
        h.Deploy("signals/storm-alert.bpmn", "signals/storm-warning.bpmn");
        var patrol = h.Start("storm_watch");
        var warning = h.Start("storm_warning");

        h.Complete(warning, "Confirm");

        Assert.Equal(InstanceStatus.Completed, h.State(warning).Status);
        Assert.Contains(h.History(warning), e => e is SignalThrown { SignalName: "storm-alert" });
        Assert.Equal(["Shelter"], h.Tasks(patrol).Select(t => t.ElementId));
        Assert.Single(h.Engine.QueryTasks(new CityOps.Flow.Engine.Runtime.Tasks.TaskQuery { CandidateGroups = ["emergency"] }).Items);
        h.AssertReplayMatches(patrol);
    }

    [Fact]
    public void Cancelling_an_instance_closes_its_tasks_and_timers()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("send-reminder", _ => ServiceTaskResult.Completed()));
        h.Deploy("timers/reminder-cycle.bpmn");
        var id = h.Start("reminder_cycle");

        h.Engine.CancelInstance(id, "duplicate report", "operator.zhou").Expect();

        Assert.Equal(InstanceStatus.Cancelled, h.State(id).Status);
        Assert.Empty(h.Tasks(id));
        Assert.Null(h.Store.NextDueTime());
        Assert.Equal("operator.zhou", h.History(id).OfType<InstanceCancelled>().Single().Actor);
        h.AssertReplayMatches(id);
    }
}

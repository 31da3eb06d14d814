using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class SubProcessReadingTests
{
    [Fact]
    public void Embedded_and_event_sub_processes_are_scopes_the_process_can_navigate()
    {
        var process = BpmnFixtures.ReadValid("SubProcesses", "embedded-and-event.bpmn");

        var handling = process.Node<SubProcess>("handling");
        Assert.Equal("handlingStarted", process.NoneStartEventOf("handling")!.Id);
        Assert.Equal("handling", process.Node("fix").ScopeId);
        Assert.Same(handling, process.ScopeOf("fix"));
        Assert.Same(process, process.ScopeOf("handling"));
        Assert.Equal([handling.Id, process.Id], process.AncestorScopesOf("fix").Select(s => s.Id));
        Assert.Equal("unfixable", Assert.Single(process.BoundaryEventsOf("handling")).Id);
        Assert.Equal("reported", process.NoneStartEventOf(process.Id)!.Id);

        var eventSubProcesses = process.EventSubProcessesOf(process.Id);
        Assert.Equal(["onWithdraw", "onTimeout"], eventSubProcesses.Select(e => e.Id));
        Assert.False(eventSubProcesses[0].IsInterrupting);
        Assert.Equal("withdrawn", eventSubProcesses[0].StartEventId);
        Assert.True(eventSubProcesses[1].IsInterrupting);
        Assert.IsType<MessageEventDefinition>(process.Node<StartEvent>("withdrawn").Definition);
        Assert.DoesNotContain(process.StartEventsOf("handling"), s => s.Definition is not null);
    }

    [Fact]
    public void Sub_process_without_a_start_leaking_flows_and_event_sub_process_without_trigger_are_refused()
    {
        var result = BpmnFixtures.Read("SubProcesses", "scope-faults.bpmn");

        result.AssertError("noStart", "needs exactly one none start event");
        result.AssertError("leak", "across a sub-process boundary");
        result.AssertError("plainStart", "none start event of an event sub-process 'plainStart' is not supported");
        result.AssertWarning("inner", "has no incoming sequence flow, so it is never reached");
    }
}

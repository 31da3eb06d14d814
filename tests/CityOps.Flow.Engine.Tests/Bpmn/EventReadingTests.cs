using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Scheduling.Timers;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class EventReadingTests
{
    [Fact]
    public void Timer_literals_are_parsed_at_read_time_and_expressions_kept_for_run_time()
    {
        var process = BpmnFixtures.ReadValid("Events", "timers.bpmn");
        var activated = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

        var coolDown = (TimerEventDefinition)process.Node<IntermediateCatchEvent>("coolDown").Definition!;
        Assert.Equal(TimerKind.Duration, coolDown.Kind);
        Assert.Equal(activated.AddMinutes(15), coolDown.Schedule!.FirstDue(activated)!.Value.At);

        var remind = process.Node<BoundaryEvent>("remind");
        Assert.False(remind.CancelActivity);
        Assert.Equal("handle", remind.AttachedToId);
        var cycle = ((TimerEventDefinition)remind.Definition!).Schedule!;
        Assert.Equal(new TimerDue(activated.AddHours(1), 2), cycle.FirstDue(activated));

        var deadline = process.Node<BoundaryEvent>("deadline");
        Assert.True(deadline.CancelActivity);
        Assert.Equal(TimerKind.Date, ((TimerEventDefinition)deadline.Definition!).Kind);

        var limit = (TimerEventDefinition)process.Node<BoundaryEvent>("limit").Definition!;
        Assert.Null(limit.Schedule);
        Assert.Equal("timeLimit", limit.Value.Expression!.Source);

        Assert.Equal(["remind", "deadline", "repeatOnce", "limit"], process.BoundaryEventsOf("handle").Select(b => b.Id));
    }

    [Fact]
    public void A_cycle_on_an_interrupting_boundary_timer_is_warned_about_because_it_fires_once()
    {
        var result = BpmnFixtures.Read("Events", "timers.bpmn");

        Assert.True(result.IsDeployable);
        result.AssertWarning("repeatOnce", "fires only once");
        result.AssertNoProblemFor("remind");
    }

    [Fact]
    public void Invalid_timers_are_refused_each_with_its_reason()
    {
        var result = BpmnFixtures.Read("Events", "invalid-timers.bpmn");

        result.AssertError("waitWords", "'15 minutes' is not an ISO 8601 duration");
        result.AssertError("waitLocal", "with an offset");
        result.AssertError("waitZero", "is zero");
        result.AssertError("waitNothing", "needs exactly one of timeDate, timeDuration or timeCycle");
        result.AssertError("waitCron", "L, W or #");
        Assert.Equal(5, result.Errors.Count());
    }

    [Fact]
    public void Message_signal_error_escalation_and_terminate_events_resolve_their_declarations()
    {
        var process = BpmnFixtures.ReadValid("Events", "messages-signals-errors.bpmn");

        var start = (MessageEventDefinition)process.Node<StartEvent>("reported").Definition!;
        Assert.Equal("report-received", start.Message!.Name!.Literal);
        Assert.Null(start.Message.CorrelationKey);
        Assert.Equal("caseNumber", ((MessageEventDefinition)process.Node("supplement").As<Event>().Definition!).Message!.CorrelationKey!.Source);
        Assert.Equal("storm-warning", ((SignalEventDefinition)process.Node<IntermediateCatchEvent>("storm").Definition!).Signal.Name!.Literal);
        Assert.Equal("OVERDUE", ((EscalationEventDefinition)process.Node<IntermediateThrowEvent>("raise").Definition!).Escalation!.EscalationCode!.Literal);
        Assert.IsType<SignalEventDefinition>(process.Node<IntermediateThrowEvent>("broadcast").Definition);
        Assert.Equal("REJECTED", ((ErrorEventDefinition)process.Node<BoundaryEvent>("rejected").Definition!).Error!.ErrorCode!.Literal);
        Assert.Null(((EscalationEventDefinition)process.Node<BoundaryEvent>("anyEscalation").Definition!).Escalation);
        Assert.IsType<TerminateEventDefinition>(process.Node<EndEvent>("done").Definition);
        Assert.Equal("REJECTED", ((ErrorEventDefinition)process.Node<EndEvent>("failed").Definition!).Error!.ErrorCode!.Literal);
        var sent = (MessageEventDefinition)process.Node<EndEvent>("cancelled").Definition!;
        Assert.Null(sent.Message);
        Assert.Equal("notify-withdrawal", sent.Definition!.Type.Literal);
        Assert.Equal("sig_storm", ((SignalEventDefinition)process.Node<EndEvent>("noted").Definition!).Signal.Id);
    }

    [Fact]
    public void A_job_definition_misplaced_inside_the_message_definition_is_pointed_out()
    {
        var result = BpmnFixtures.Read("Events", "misplaced-job.bpmn");

        result.AssertWarning("informed", "zeebe:taskDefinition of 'informed' sits inside its messageEventDefinition and is not read");
        result.AssertError("informed", "neither a zeebe:taskDefinition type nor a messageRef");
    }

    [Fact]
    public void Conditional_link_compensation_multiple_and_timer_end_events_are_refused()
    {
        var result = BpmnFixtures.Read("Events", "unsupported-events.bpmn");

        result.AssertError("whenDry", "conditional events are not supported");
        result.AssertError("jump", "link events are not supported");
        result.AssertError("land", "link events are not supported");
        result.AssertError("undo", "compensation events are not supported");
        result.AssertError("either", "2 event definitions");
        result.AssertError("done", "timer end event 'done' is not supported");
    }

    [Fact]
    public void Boundary_events_on_gateways_or_unknown_elements_are_refused()
    {
        var result = BpmnFixtures.Read("Events", "misplaced-boundaries.bpmn");

        result.AssertError("onGateway", "attach only to tasks, sub-processes and call activities");
        result.AssertError("onNothing", "attached to 'ghost', which is not an element");
        result.AssertError("bare", "none boundary event 'bare' is not supported");
    }
}

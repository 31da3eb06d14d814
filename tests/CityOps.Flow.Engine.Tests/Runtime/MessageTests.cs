using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class MessageTests
{
    [Fact]
    public void Message_published_before_the_receive_task_waits_is_buffered_and_taken_when_it_opens()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/callback-after-work.bpmn");
        var id = h.Start("callback_after_work", new { caseNo = "C-7" });

        var early = h.Engine.CorrelateMessage("callback", "C-7", new Dictionary<string, object?> { ["satisfaction"] = 5 });
        Assert.Equal(MessageCorrelationOutcome.Buffered, early.Outcome);
        h.Complete(id, "Work");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(5m, h.Variable(id, "satisfaction"));
        var correlated = Assert.Single(h.History(id).OfType<MessageCorrelated>());
        Assert.Equal(RuntimeHarness.Epoch, correlated.BufferedAt);
        Assert.Empty(h.Store.FindBufferedMessages("callback", "C-7", h.Clock.GetUtcNow()));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Buffered_message_expires_after_its_time_to_live()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/callback-after-work.bpmn");
        var id = h.Start("callback_after_work", new { caseNo = "C-8" });

        h.Engine.CorrelateMessage("callback", "C-8", timeToLive: TimeSpan.FromMinutes(10));
        h.Clock.Advance(TimeSpan.FromMinutes(11));
        h.Complete(id, "Work");

        Assert.Equal(["AwaitCallback"], h.ActiveElements(id));
        Assert.Single(h.State(id).MessageSubscriptions);
    }

    [Fact]
    public void Message_with_zero_time_to_live_and_no_waiter_is_dropped()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/callback-after-work.bpmn");
        h.Start("callback_after_work", new { caseNo = "C-9" });

        var result = h.Engine.CorrelateMessage("callback", "C-9", timeToLive: TimeSpan.Zero);

        Assert.Equal(MessageCorrelationOutcome.Dropped, result.Outcome);
        Assert.Empty(h.Store.FindBufferedMessages("callback", "C-9", h.Clock.GetUtcNow()));
    }

    [Fact]
    public void Message_reaches_only_the_instance_with_the_matching_correlation_key()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/callback-after-work.bpmn");
        var a = h.Start("callback_after_work", new { caseNo = "A" });
        var b = h.Start("callback_after_work", new { caseNo = "B" });
        h.Complete(a, "Work");
        h.Complete(b, "Work");

        var result = h.Engine.CorrelateMessage("callback", "B");

        Assert.Equal([b], result.Instances);
        Assert.Equal(InstanceStatus.Active, h.State(a).Status);
        Assert.Equal(InstanceStatus.Completed, h.State(b).Status);
    }

    [Fact]
    public void Message_start_event_starts_an_instance_and_an_interrupting_message_event_sub_process_ends_it()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/report-by-message.bpmn");

        var started = h.Engine.CorrelateMessage("report-received", "", new Dictionary<string, object?> { ["reportId"] = "R-42" });
        var id = Assert.Single(started.Instances);
        Assert.Equal(["Dispatch"], h.Tasks(id).Select(t => t.ElementId));

        h.Engine.CorrelateMessage("report-withdrawn", "R-42");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "Dispatch" });
        Assert.Contains(h.History(id), e => e is ElementLeft { ElementId: "WithdrawnEnd" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Non_interrupting_timer_event_sub_process_runs_beside_the_main_flow()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/report-by-message.bpmn");
        var id = Assert.Single(h.Engine.CorrelateMessage("report-received", "", new Dictionary<string, object?> { ["reportId"] = "R-1" }).Instances);

        Assert.Equal(2, h.Advance(TimeSpan.FromHours(9)));

        Assert.Equal(["Dispatch"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Equal(2, h.History(id).Count(e => e is ElementLeft { ElementId: "ChaseEnd" }));
        h.Complete(id, "Dispatch");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Empty(h.State(id).MessageSubscriptions);
        h.AssertReplayMatches(id);
    }
}

public sealed class BoundaryMessageTests
{
    [Fact]
    public void Non_interrupting_message_boundary_takes_every_call_while_the_task_stays_open()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/citizen-calls.bpmn");
        var id = h.Start("citizen_calls", new { caseNo = "C-5" });

        h.Engine.CorrelateMessage("citizen-call", "C-5", new Dictionary<string, object?> { ["lastCall"] = "where is the crew?" });
        h.Engine.CorrelateMessage("citizen-call", "C-5", new Dictionary<string, object?> { ["lastCall"] = "thanks" });

        Assert.Equal(["Handle"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Equal(2, h.History(id).Count(e => e is ElementLeft { ElementId: "CallLogged" }));
        Assert.Equal("thanks", h.Variable(id, "lastCall"));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Intermediate_signal_catch_waits_for_the_broadcast()
    {
        var h = new RuntimeHarness();
        h.Deploy("messages/citizen-calls.bpmn");
        var id = h.Start("citizen_calls", new { caseNo = "C-6" });
        h.Complete(id, "Handle");
        Assert.Empty(h.State(id).MessageSubscriptions);

        Assert.Equal([id], h.Engine.BroadcastSignal("all-clear"));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Single(h.History(id).OfType<SignalReceived>());
        h.AssertReplayMatches(id);
    }
}

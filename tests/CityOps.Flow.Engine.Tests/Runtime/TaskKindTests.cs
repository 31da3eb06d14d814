using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class TaskKindTests
{
    [Fact]
    public void Manual_and_plain_tasks_pass_through_while_send_task_and_message_throws_run_their_handler()
    {
        var sent = new List<string>();
        var h = new RuntimeHarness(handlers => handlers.Register("sms", context =>
        {
            sent.Add(context.ElementId);
            return ServiceTaskResult.Completed();
        }));
        h.Deploy("tasks/pass-through-and-send.bpmn");

        var id = h.Start("pass_through_and_send");

        Assert.Equal(["SendSms", "Notify", "Reported"], sent);
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        var entered = h.History(id).OfType<ElementEntered>().Select(e => e.ElementId).ToList();
        Assert.Equal(["Start", "CallCitizen", "SendSms", "Note", "Notify", "Work"], entered.Take(6));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Escalation_end_caught_by_an_interrupting_catch_all_boundary_cancels_the_sub_process()
    {
        var h = new RuntimeHarness(handlers => handlers.Register("sms", _ => ServiceTaskResult.Completed()));
        h.Deploy("tasks/pass-through-and-send.bpmn");

        var id = h.Start("pass_through_and_send");

        var raised = Assert.Single(h.History(id).OfType<EscalationRaised>());
        Assert.Equal(("STOP", "Stopped"), (raised.Code, raised.CaughtBy));
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "Inspect" });
        Assert.DoesNotContain(h.History(id), e => e is ElementEntered { ElementId: "End" });
        Assert.Empty(h.Tasks(id));
    }
}

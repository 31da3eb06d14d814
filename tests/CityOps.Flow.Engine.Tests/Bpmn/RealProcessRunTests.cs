using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Tests.Runtime;

namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>
/// Each rewritten real-world process (Real/) run along the path its authors meant. Where the original relied on
/// bpmn-engine's dead-path elimination (a parallel join completing because the other branch was discarded), our engine,
/// like Zeebe, keeps waiting at the join; those tests say so by name.
/// </summary>
public sealed class RealProcessRunTests
{
    private static readonly Dictionary<string, object?> NoVariables = [];

    private static RuntimeHarness Deploy(string file, Action<ServiceTaskHandlers>? handlers = null, params DeploymentResource[] more)
    {
        var harness = new RuntimeHarness(handlers);
        var result = harness.Engine.Deploy([new DeploymentResource(file, BpmnTestFiles.ReadFixture("Real", file)), .. more]);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return harness;
    }

    private static ServiceTaskResult Done(string name, object? value) =>
        ServiceTaskResult.Completed(new Dictionary<string, object?> { [name] = value });

    [Fact]
    public void Non_interrupting_timer_fires_while_the_user_task_stays_open()
    {
        var h = Deploy("bpmn-elements__boundary-non-interupting-timer.bpmn");
        var id = h.Start("Process_1");

        h.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["join", "userTask"], h.ActiveElements(id));
        h.Complete(id, "userTask");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Interrupting_timeout_cancels_the_user_task_and_without_dead_path_elimination_the_join_waits()
    {
        var h = Deploy("bpmn-elements__boundary-timeout.bpmn");
        var id = h.Start("timerProcess");

        h.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(h.Tasks(id));
        Assert.Contains(h.History(id), e => e is TaskCancelled);
        Assert.Equal(["join"], h.ActiveElements(id));
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
    }

    [Theory]
    [InlineData(true, false, new[] { "task2" })]
    [InlineData(true, true, new[] { "task2", "task4" })]
    [InlineData(false, false, new[] { "task3" })]
    public void Conditional_flows_out_of_a_task_take_every_true_condition_or_else_the_default(bool take2, bool take4, string[] taken)
    {
        var h = Deploy("bpmn-elements__conditional-flows.bpmn");

        var id = h.Start("Process_0m63r5x", new { take2, take4 });

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        var entered = h.History(id).OfType<ElementEntered>().Select(e => e.ElementId).ToHashSet();
        Assert.Equal(taken, new[] { "task2", "task3", "task4" }.Where(entered.Contains));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Big_order_escalates_from_the_sub_process_and_the_monitor_broadcasts_its_signal()
    {
        var h = Deploy("bpmn-elements__escalation.bpmn");
        var id = h.Start("Process_0");

        h.Complete(id, "order", new { amount = 20 });

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Contains(h.History(id), e => e is EscalationRaised { Code: "AmountTooBig", CaughtBy: "escalated" });
        Assert.Contains(h.History(id), e => e is SignalThrown { SignalName: "Too big signal", ElementId: "endWithSignal" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Small_order_is_placed_without_escalation()
    {
        var h = Deploy("bpmn-elements__escalation.bpmn");
        var id = h.Start("Process_0");

        h.Complete(id, "order", new { amount = 5 });

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.DoesNotContain(h.History(id), e => e is EscalationRaised);
        Assert.Contains(h.History(id), e => e is ElementEntered { ElementId: "placeOrder" });
    }

    [Fact]
    public void Join_inbound_without_dead_path_elimination_waits_at_the_parallel_join()
    {
        var h = Deploy("bpmn-elements__join-inbound.bpmn");

        var id = h.Start("Process_0");

        var entered = h.History(id).OfType<ElementEntered>().Select(e => e.ElementId).ToList();
        Assert.Equal(2, entered.Count(e => e == "task4"));
        Assert.DoesNotContain("task1", entered);
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
        Assert.All(h.ActiveElements(id), e => Assert.Equal("join", e));
    }

    [Fact]
    public void Mother_of_all_runs_script_handlers_sub_process_timer_and_inclusive_split_then_waits_at_the_join()
    {
        var calls = new List<string>();
        var h = Deploy("bpmn-elements__mother-of-all.bpmn", handlers => handlers
            .Register("noop", c => { calls.Add(c.ElementId); return ServiceTaskResult.Completed(); })
            .Register("set-stop-loop", c => { calls.Add(c.ElementId); return Done("stopLoop", true); }));
        var id = h.Start("motherOfAll");

        h.Complete(id, "userTask1");
        h.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["scriptTask1", "subScriptTask1"], calls);
        Assert.Contains(h.History(id), e => e is TaskCancelled);
        var entered = h.History(id).OfType<ElementEntered>().Select(e => e.ElementId).ToList();
        Assert.Contains("pickMeTask", entered);
        Assert.Contains("noPickMeTask", entered);
        Assert.DoesNotContain("defaultTask", entered);
        Assert.All(h.ActiveElements(id), e => Assert.Equal("join", e));
    }

    [Fact]
    public void Multi_instance_service_task_runs_once_per_item_until_the_completion_condition_holds()
    {
        var inputs = new List<object?>();
        var h = Deploy("bpmn-elements__task-with-multi-instance-loop.bpmn", handlers => handlers
            .Register("increment-input", c => { inputs.Add(c.Variables["item"]); return Done("loopCondition", inputs.Count == 3); }));

        var id = h.Start("taskLoopProcess", new { list = new[] { 10, 20, 30, 40, 50 } });

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(3, inputs.Count);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Reminder_timer_notifies_once_and_the_task_stays_with_its_group()
    {
        var notified = 0;
        var h = Deploy("bpmn-elements__user-task-reminder-timer.bpmn", handlers => handlers
            .Register("notify-overdue", _ => { notified++; return ServiceTaskResult.Completed(); }));
        var id = h.Start("user-reminder-process");

        h.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, notified);
        h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, notified);
        Assert.Equal(["operators"], h.Task(id, "user-task").CandidateGroups);
        h.Complete(id, "user-task");
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Wait_activities_pass_tasks_loops_messages_and_the_event_gateway_then_wait_at_the_gather_join()
    {
        var h = Deploy("bpmn-elements__wait-activities.bpmn", handlers => handlers.Register("long-running", _ => ServiceTaskResult.Completed()));
        var id = h.Start("process1", new { caseId = "C-1" });

        h.Complete(id, "utask1");
        Assert.Equal(3, h.Tasks(id).Count(t => t.ElementId == "utask2"));
        foreach (var task in h.Tasks(id).Where(t => t.ElementId == "utask2").ToList())
        {
            h.Engine.CompleteTask(task.Id).Expect();
        }

        for (var i = 0; i < 3; i++)
        {
            h.Complete(id, "utask3");
        }

        Assert.Equal(MessageCorrelationOutcome.Correlated, h.Engine.CorrelateMessage("rtask", "C-1", NoVariables).Outcome);
        Assert.Equal(MessageCorrelationOutcome.Correlated, h.Engine.CorrelateMessage("mevent", "C-1", NoVariables).Outcome);
        Assert.Equal(["eventgateway"], h.ActiveElements(id));
        h.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["gather"], h.ActiveElements(id));
        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
    }

    [Fact]
    public void Approval_with_sequential_approvers_signals_approved_and_interrupts_the_withdraw_task()
    {
        var h = Deploy("bpmn-engine__issue-187.bpmn", handlers => handlers
            .Register("check-approvals", _ => Done("passed", true))
            .Register("remind-rejection", _ => ServiceTaskResult.Completed()));
        var id = h.Start("ProcessApprove", new { handlers = new[] { "wang", "li" }, prj_id = "P-7" });

        h.Complete(id, "task_request");
        Assert.Equal(["task_approve", "task_with_draw"], h.Tasks(id).Select(t => t.ElementId).Order(StringComparer.Ordinal));
        Assert.Equal("top", h.Task(id, "task_approve").Assignee);
        h.Complete(id, "task_approve");
        h.Complete(id, "task_approve");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Contains(h.History(id), e => e is SignalThrown { SignalName: "Signal_2sf6vik" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Withdrawing_the_request_signals_the_approver_task_away_and_returns_to_editing()
    {
        var h = Deploy("bpmn-engine__issue-187.bpmn", handlers => handlers
            .Register("check-approvals", _ => Done("passed", true))
            .Register("remind-rejection", _ => ServiceTaskResult.Completed()));
        var id = h.Start("ProcessApprove", new { handlers = new[] { "wang" }, prj_id = "P-8" });
        h.Complete(id, "task_request");

        h.Complete(id, "task_with_draw");

        Assert.Contains(h.History(id), e => e is SignalThrown { SignalName: "cancel_sign" });
        Assert.Equal(["task_request"], h.Tasks(id).Select(t => t.ElementId));
        Assert.Equal("owner", h.Task(id, "task_request").Assignee);
    }

    [Fact]
    public void Paying_the_invoice_ends_at_invoice_paid()
    {
        var h = Deploy("camunda-examples__invoicePayment.bpmn");
        var id = h.Start("embeddedFormsBpmnEvents");

        var pay = h.Task(id, "Task_16y91ka");
        Assert.Equal("embedded:app:task-form.html", pay.FormKey);
        h.Complete(id, "Task_16y91ka");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Contains(h.History(id), e => e is ElementEntered { ElementId: "EndEvent_1ug8ljt" });
    }

    [Fact]
    public void Job_announcement_goes_round_the_correction_loop_then_publishes_through_the_called_process()
    {
        const string publication = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="pub" targetNamespace="http://cityops.example/bpmn">
              <bpmn:process id="camunda-testing-job-announcement-publication" isExecutable="true">
                <bpmn:startEvent id="s" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var mailed = 0;
        var h = Deploy("camunda-examples__job-announcement.bpmn",
            handlers => handlers.Register("notify-about-postings", _ => { mailed++; return ServiceTaskResult.Completed(); }),
            new DeploymentResource("publication.bpmn", publication));
        var id = h.Start("camunda-testing-job-announcement", new { requester = "hr.zhou", editor = "writer.sun", jobAnnouncementId = 42, facebook = true, twitter = false });

        Assert.Equal(["engineering"], h.Task(id, "edit").CandidateGroups);
        h.Complete(id, "edit");
        Assert.Equal("hr.zhou", h.Task(id, "review").Assignee);
        h.Complete(id, "review", new { approved = false });
        Assert.Equal("writer.sun", h.Task(id, "correct").Assignee);
        h.Complete(id, "correct");
        h.Complete(id, "review", new { approved = true });
        h.Complete(id, "publish");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(1, mailed);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Loan_granting_starts_on_its_cron_timer_and_decides_each_credit_score()
    {
        var decisions = new List<(string Element, object? Score)>();
        var instances = new HashSet<Guid>();
        var h = Deploy("camunda-examples__loan-granting.bpmn", handlers => handlers
            .Register("creditScoreChecker", c => { instances.Add(c.InstanceId); return Done("creditScores", new[] { 3, 8 }); })
            .Register("loanGranter", c => { decisions.Add((c.ElementId, c.Variables["score"])); return ServiceTaskResult.Completed(); })
            .Register("requestRejecter", c => { decisions.Add((c.ElementId, c.Variables["score"])); return ServiceTaskResult.Completed(); }));

        h.Advance(TimeSpan.FromSeconds(5));

        var id = Assert.Single(instances);
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal([("Task_0j0sjlk", (object?)3m), ("Task_0v4gadf", 8m)], decisions.OrderBy(d => d.Element, StringComparer.Ordinal));
    }
}

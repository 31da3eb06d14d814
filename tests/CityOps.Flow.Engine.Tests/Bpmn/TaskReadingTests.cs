using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class TaskReadingTests
{
    [Fact]
    public void User_task_carries_assignment_schedule_priority_form_headers_and_io_mapping()
    {
        var process = BpmnFixtures.ReadValid("Tasks", "user-task-assigned.bpmn");

        var task = process.Node<UserTask>("verify");
        Assert.Equal("Verify report", task.Name);
        Assert.Equal("initiator", task.Assignment.Assignee!.Expression!.Source);
        Assert.Equal("dispatchers, supervisors", task.Assignment.CandidateGroups!.Literal);
        Assert.Null(task.Assignment.CandidateUsers);
        Assert.True(task.Schedule!.DueDate!.IsExpression);
        Assert.Equal("2026-03-01T09:00:00+08:00", task.Schedule.FollowUpDate!.Literal);
        Assert.Equal("70", task.Priority!.Literal);
        Assert.Equal("forms:verify", task.Form!.FormKey);
        Assert.Equal(new TaskHeader("stage", "立案"), Assert.Single(task.Headers));
        var input = Assert.Single(task.IoMapping!.Inputs);
        Assert.Equal(("report.category", "category"), (input.Source.Expression!.Source, input.Target));
        Assert.Equal("verifyVerdict", Assert.Single(task.IoMapping.Outputs).Target);
    }

    [Fact]
    public void User_task_nobody_can_pick_up_is_refused()
    {
        var result = BpmnFixtures.Read("Tasks", "user-task-unassigned.bpmn");

        Assert.False(result.IsDeployable);
        var problem = result.AssertError("verify", "neither an assignee nor candidate groups or users");
        Assert.Equal(6, problem.Line);
        Assert.False(result.Definitions!.Processes[0].IsExecutable);
    }

    [Fact]
    public void Service_business_rule_manual_and_plain_tasks_read_with_their_details()
    {
        var process = BpmnFixtures.ReadValid("Tasks", "service-and-business-rule.bpmn");

        var route = process.Node<BusinessRuleTask>("route");
        Assert.Equal("case-routing", route.Decision!.DecisionId.Literal);
        Assert.Equal("routing", route.Decision.ResultVariable);
        var notify = process.Node<ServiceTask>("notify");
        Assert.Equal("notify-citizen", notify.Definition.Type.Literal);
        Assert.Equal("5", notify.Definition.Retries.Literal);
        Assert.Equal("sms", Assert.Single(notify.Headers).Value);
        Assert.IsType<ManualTask>(process.Node("visit"));
        Assert.IsType<NoneTask>(process.Node("note"));
    }

    [Fact]
    public void Known_decisions_and_handler_types_are_checked_when_supplied()
    {
        var options = new BpmnReadOptions
        {
            KnownDecisionIds = new HashSet<string> { "escalation-tiers" },
            KnownJobTypes = new HashSet<string> { "send-sms" },
        };

        var result = BpmnFixtures.Read("Tasks", "service-and-business-rule.bpmn", options);

        result.AssertError("route", "calls decision 'case-routing', which is not deployed");
        result.AssertError("notify", "no handler is registered for task type 'notify-citizen'");
        Assert.True(BpmnFixtures.Read("Tasks", "service-and-business-rule.bpmn", new BpmnReadOptions
        {
            KnownDecisionIds = new HashSet<string> { "case-routing" },
            KnownJobTypes = new HashSet<string> { "notify-citizen" },
        }).IsDeployable);
    }

    [Fact]
    public void Tasks_without_their_execution_details_are_each_refused()
    {
        var result = BpmnFixtures.Read("Tasks", "tasks-missing-details.bpmn");

        result.AssertError("notify", "has no zeebe:taskDefinition type");
        result.AssertError("route", "neither zeebe:calledDecision nor zeebe:taskDefinition");
        result.AssertError("handle", "names no process to call");
        result.AssertError("inform", "neither a zeebe:taskDefinition type nor a messageRef");
        Assert.Equal(4, result.Errors.Count());
    }

    [Fact]
    public void Script_task_is_refused_because_the_engine_runs_no_scripts()
    {
        var result = BpmnFixtures.Read("Tasks", "script-task.bpmn");

        result.AssertError("compute", "the engine runs no scripts");
        var placeholder = Assert.IsType<ViewOnlyNode>(result.Definitions!.Processes[0].Node("compute"));
        Assert.Equal("scriptTask", placeholder.ElementType);
    }

    [Fact]
    public void Call_activity_send_and_receive_tasks_read_and_a_receive_without_correlation_key_is_refused()
    {
        var result = BpmnFixtures.Read("Tasks", "call-send-receive.bpmn");
        var process = result.Definitions!.Processes[0];

        var call = process.Node<CallActivity>("handle");
        Assert.Equal("handlingProcess", call.Called.ProcessId.Expression!.Source);
        Assert.False(call.Called.PropagateAllChildVariables);
        Assert.True(call.Called.PropagateAllParentVariables);
        Assert.Equal("send-survey", process.Node<SendTask>("ask").Definition!.Type.Literal);
        var receive = process.Node<ReceiveTask>("await");
        Assert.Equal("citizen-feedback", receive.Message.Name!.Literal);
        Assert.Equal("caseNumber", receive.Message.CorrelationKey!.Source);
        result.AssertNoProblemFor("await");
        result.AssertError("awaitUnkeyed", "no correlation key");
        Assert.Single(result.Errors);
    }
}

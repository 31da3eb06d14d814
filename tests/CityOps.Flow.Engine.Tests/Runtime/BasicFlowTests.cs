using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class BasicFlowTests
{
    [Fact]
    public void User_task_carries_assignment_schedule_priority_and_form_from_the_model()
    {
        var h = new RuntimeHarness();
        h.Deploy("basic/review-and-approve.bpmn");
        var due = RuntimeHarness.Epoch.AddDays(2);
        var id = h.Start("review_and_approve", new { amount = 50, dueAt = due, priority = 80 });

        var task = h.Task(id, "Review");
        Assert.Equal("Review the report", task.Name);
        Assert.Equal(["dispatchers", "supervisors"], task.CandidateGroups);
        Assert.Equal(due, task.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)), task.FollowUpDate);
        Assert.Equal(80, task.Priority);
        Assert.Equal("review-form", task.FormKey);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Priority_outside_0_to_100_stops_the_task_with_an_incident_naming_it()
    {
        var h = new RuntimeHarness();
        h.Deploy("basic/review-and-approve.bpmn");
        var id = h.Start("review_and_approve", new { amount = 50, dueAt = RuntimeHarness.Epoch, priority = 150 });

        var incident = Assert.Single(h.State(id).Incidents.Values);
        Assert.Equal(("Review", IncidentKind.ExpressionFailed), (incident.ElementId, incident.Kind));
        Assert.Contains("150", incident.Message);
        Assert.Empty(h.Tasks(id));
    }

    [Fact]
    public void Exclusive_gateway_takes_the_default_flow_when_no_condition_holds()
    {
        var h = new RuntimeHarness();
        h.Deploy("basic/review-and-approve.bpmn");
        var id = h.Start("review_and_approve", new { amount = 50, dueAt = RuntimeHarness.Epoch, priority = 50 });

        h.Complete(id, "Review");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Empty(h.Tasks(id));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Exclusive_gateway_follows_the_condition_that_holds_with_variables_from_the_task()
    {
        var h = new RuntimeHarness();
        h.Deploy("basic/review-and-approve.bpmn");
        var id = h.Start("review_and_approve", new { amount = 50, dueAt = RuntimeHarness.Epoch, priority = 50 });

        h.Complete(id, "Review", new { amount = 500, reviewer = "wang.li" });

        var approve = h.Task(id, "Approve");
        Assert.Equal("wang.li", approve.Assignee);
        Assert.Equal(500m, h.Variable(id, "amount"));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Exclusive_gateway_without_a_matching_condition_or_default_raises_an_incident_and_keeps_the_instance()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/strict-choice.bpmn");
        var id = h.Start("strict_choice", new { level = "C" });

        var state = h.State(id);
        Assert.Equal(InstanceStatus.Active, state.Status);
        var incident = Assert.Single(state.Incidents.Values);
        Assert.Equal("Choose", incident.ElementId);
        Assert.Equal(IncidentKind.NoOutgoingFlow, incident.Kind);
        Assert.Contains(h.History(id), e => e is IncidentRaised);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Resolving_an_incident_after_fixing_the_variable_lets_the_gateway_choose_again()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/strict-choice.bpmn");
        var id = h.Start("strict_choice", new { level = "C" });
        var incident = Assert.Single(h.State(id).Incidents.Values);

        h.Engine.SetVariables(id, new Dictionary<string, object?> { ["level"] = "B" }, actor: "operator").Expect();
        h.Engine.ResolveIncident(id, incident.Id, "operator").Expect();

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Contains(h.History(id), e => e is ElementEntered { ElementId: "B" });
        Assert.Contains(h.History(id), e => e is IncidentResolved { Actor: "operator" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Parallel_join_waits_for_every_branch()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/parallel-join.bpmn");
        var id = h.Start("parallel_join");

        h.Complete(id, "Inspect");
        Assert.Equal(["Join", "Photograph"], h.ActiveElements(id));
        h.Complete(id, "Photograph");

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Claim_unclaim_and_assign_are_recorded_with_their_actor()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/parallel-join.bpmn");
        var id = h.Start("parallel_join");
        var task = h.Task(id, "Inspect");

        h.Engine.ClaimTask(task.Id, "li.na").Expect();
        var refused = h.Engine.ClaimTask(task.Id, "zhao.lei");
        h.Engine.UnclaimTask(task.Id, "li.na").Expect();
        h.Engine.AssignTask(task.Id, "zhao.lei", "dispatcher.chen").Expect();

        Assert.False(refused.Succeeded);
        Assert.Contains("li.na", refused.Error);
        Assert.Equal("zhao.lei", h.Task(id, "Inspect").Assignee);
        var steps = h.History(id).Where(e => e is TaskClaimed or TaskUnclaimed or TaskAssigned).Select(e => (e.Kind, e.Actor)).ToList();
        Assert.Equal([("task-claimed", "li.na"), ("task-unclaimed", "li.na"), ("task-assigned", "dispatcher.chen")], steps);
        Assert.Equal("zhao.lei", Assert.Single(h.Engine.QueryTasks(new TaskQuery { Assignee = "zhao.lei" }).Items).Assignee);
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Completing_a_task_twice_is_refused_the_second_time()
    {
        var h = new RuntimeHarness();
        h.Deploy("gateways/parallel-join.bpmn");
        var id = h.Start("parallel_join");
        var task = h.Task(id, "Inspect");

        h.Engine.CompleteTask(task.Id).Expect();
        var again = h.Engine.CompleteTask(task.Id);

        Assert.False(again.Succeeded);
        Assert.Contains("not open", again.Error);
    }
}

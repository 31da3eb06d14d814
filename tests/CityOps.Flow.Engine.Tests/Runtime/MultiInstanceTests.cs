using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class MultiInstanceTests
{
    [Fact]
    public void Parallel_multi_instance_opens_one_task_per_item_and_collects_outputs_in_order()
    {
        var h = new RuntimeHarness();
        h.Deploy("multi-instance/parallel-deadline.bpmn");
        var id = h.Start("parallel_deadline", new { departments = new[] { "roads", "water", "parks" } });

        var tasks = h.Tasks(id);
        Assert.Equal(["parks", "roads", "water"], tasks.SelectMany(t => t.CandidateGroups).Order());
        foreach (var group in new[] { "water", "parks", "roads" })
        {
            var task = tasks.Single(t => t.CandidateGroups.Contains(group));
            h.Engine.CompleteTask(task.Id, new Dictionary<string, object?> { ["opinion"] = group + " ok" }).Expect();
        }

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(["roads ok", "water ok", "parks ok"], (IEnumerable<object?>)h.Variable(id, "opinions")!);
        Assert.Null(h.Variable(id, "department"));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Interrupting_boundary_on_a_parallel_multi_instance_cancels_the_whole_body()
    {
        var h = new RuntimeHarness();
        h.Deploy("multi-instance/parallel-deadline.bpmn");
        var id = h.Start("parallel_deadline", new { departments = new[] { "roads", "water", "parks" } });
        h.Engine.CompleteTask(h.Tasks(id)[0].Id, new Dictionary<string, object?> { ["opinion"] = "first" }).Expect();
        Assert.Equal(2, h.Tasks(id).Count);

        Assert.Equal(1, h.Advance(TimeSpan.FromHours(2)));

        Assert.Empty(h.Tasks(id));
        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal(2, h.History(id).Count(e => e is TaskCancelled));
        Assert.Contains(h.History(id), e => e is ElementEntered { ElementId: "Escalated" });
        Assert.DoesNotContain(h.History(id), e => e is ElementEntered { ElementId: "Done" });
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Sequential_multi_instance_stops_when_the_completion_condition_holds()
    {
        var h = new RuntimeHarness();
        h.Deploy("multi-instance/sequential-until-approved.bpmn");
        var id = h.Start("sequential_until_approved", new { leaders = new[] { "zhang", "li", "wang" } });

        Assert.Equal("zhang", Assert.Single(h.Tasks(id)).Assignee);
        h.Complete(id, "Ask", new { approved = false });
        Assert.Equal("li", Assert.Single(h.Tasks(id)).Assignee);
        h.Complete(id, "Ask", new { approved = true });

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal([false, true, null], (IEnumerable<object?>)h.Variable(id, "answers")!);
        h.AssertReplayMatches(id);
    }
}

using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class TaskQueryTests
{
    private static (RuntimeHarness Harness, Guid[] Instances) Inbox()
    {
        var h = new RuntimeHarness();
        h.Deploy("basic/review-and-approve.bpmn");
        var instances = new[]
        {
            h.Start("review_and_approve", new { amount = 1, dueAt = RuntimeHarness.Epoch.AddDays(3), priority = 10 }),
            h.Start("review_and_approve", new { amount = 2, dueAt = RuntimeHarness.Epoch.AddDays(1), priority = 10 }),
            h.Start("review_and_approve", new { amount = 3, dueAt = RuntimeHarness.Epoch.AddDays(1), priority = 90 }),
            h.Start("review_and_approve", new { amount = 4, dueAt = RuntimeHarness.Epoch.AddDays(2), priority = 50 }),
        };
        return (h, instances);
    }

    [Fact]
    public void Inbox_is_ordered_by_due_date_then_priority()
    {
        var (h, ids) = Inbox();

        var page = h.Engine.QueryTasks(new TaskQuery { CandidateGroups = ["dispatchers"] });

        Assert.Equal(4, page.Total);
        Assert.Equal([ids[2], ids[1], ids[3], ids[0]], page.Items.Select(t => t.InstanceId));
    }

    [Fact]
    public void Inbox_pages_by_offset_and_limit()
    {
        var (h, ids) = Inbox();

        var second = h.Engine.QueryTasks(new TaskQuery { CandidateGroups = ["supervisors"], Offset = 2, Limit = 2 });

        Assert.Equal(4, second.Total);
        Assert.Equal([ids[3], ids[0]], second.Items.Select(t => t.InstanceId));
    }

    [Fact]
    public void Inbox_filters_by_due_window_assignee_and_unknown_group()
    {
        var (h, ids) = Inbox();
        h.Engine.ClaimTask(h.Task(ids[3], "Review").Id, "li.na").Expect();

        var dueTomorrow = h.Engine.QueryTasks(new TaskQuery { DueFrom = RuntimeHarness.Epoch.AddDays(1), DueBefore = RuntimeHarness.Epoch.AddDays(2) });
        var mine = h.Engine.QueryTasks(new TaskQuery { Assignee = "li.na" });
        var open = h.Engine.QueryTasks(new TaskQuery { CandidateGroups = ["dispatchers"], UnassignedOnly = true });
        var parks = h.Engine.QueryTasks(new TaskQuery { CandidateGroups = ["parks"] });

        Assert.Equal([ids[2], ids[1]], dueTomorrow.Items.Select(t => t.InstanceId));
        Assert.Equal([ids[3]], mine.Items.Select(t => t.InstanceId));
        Assert.Equal(3, open.Total);
        Assert.Equal(0, parks.Total);
    }
}

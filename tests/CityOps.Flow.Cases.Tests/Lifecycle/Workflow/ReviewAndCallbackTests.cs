using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class ReviewAndCallbackTests
{
    private static readonly DateTimeOffset Monday = DemoCalendar.At(11, 2, 9);

    private static (LifecycleHarness H, Guid Id) Handled()
    {
        var h = new LifecycleHarness(Monday);
        var id = h.Start(LifecycleHarness.CaseVariables("0109", "P2D"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "done"), ("handlingNote", "lamp replaced"));
        return (h, id);
    }

    [Fact]
    public void A_result_sent_back_returns_to_the_lead_with_the_reason_then_is_accepted()
    {
        var (h, id) = Handled();

        h.Complete(id, "ReviewResult", ("reviewOutcome", "sendBack"), ("reviewReason", "photo shows the old lamp"));

        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal("photo shows the old lamp", h.Variable(id, "reviewReason"));
        h.Complete(id, "HandleCase", ("handlingOutcome", "done"), ("handlingNote", "new photo attached"));
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));

        Assert.Equal(["CallBack @ callback"], h.WorkList(id));
        Assert.Equal(2, h.History(id).Count(e => e is ElementEntered { ElementId: "ReviewResult" }));
    }

    [Fact]
    public void Three_working_days_without_an_answer_count_as_no_objection_and_close_the_case()
    {
        var (h, id) = Handled();
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));

        // Accepted on Monday 2 November: three working days end on Thursday 5 November at 17:30.
        Assert.Equal(0, h.AdvanceTo(DemoCalendar.At(11, 5, 17, 29)));
        Assert.Equal(["CallBack @ callback"], h.WorkList(id));
        Assert.Equal(1, h.AdvanceTo(DemoCalendar.At(11, 5, 17, 30)));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal("no objection", h.Variable(id, "satisfaction"));
        Assert.Equal(["dispatched", "closed"], h.Statuses);
        Assert.Contains(h.History(id), e => e is TaskCancelled { ElementId: "CallBack" });
    }

    [Fact]
    public void A_basically_satisfied_citizen_closes_the_case()
    {
        var (h, id) = Handled();
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));

        h.Complete(id, "CallBack", ("satisfaction", "basically satisfied"));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
    }

    [Fact]
    public void A_dissatisfied_citizen_reopens_the_case_once_with_a_fresh_limit_and_the_second_dissatisfaction_closes_it()
    {
        var (h, id) = Handled();
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));
        h.AdvanceTo(DemoCalendar.At(11, 3, 10));

        h.Complete(id, "CallBack", ("satisfaction", "dissatisfied"), ("callbackNote", "still dark at night"));

        Assert.Equal(["HandleCase @ dept:dept-construction"], h.WorkList(id));
        Assert.Equal(1m, h.Variable(id, "reopenCount"));
        Assert.Equal(DemoCalendar.At(11, 5, 17, 30), h.Instant(id, "dueAt"));

        h.Complete(id, "HandleCase", ("handlingOutcome", "done"));
        h.Complete(id, "ReviewResult", ("reviewOutcome", "accept"));
        h.Complete(id, "CallBack", ("satisfaction", "dissatisfied"));

        Assert.Equal(InstanceStatus.Completed, h.State(id).Status);
        Assert.Equal("dissatisfied", h.Variable(id, "satisfaction"));
        Assert.Equal(["dispatched", "closed"], h.Statuses);
        Assert.Single(h.History(id), e => e is ElementEntered { ElementId: "Reopened" });
        h.AssertHistoryReplays(id);
    }
}

using CityOps.Flow.Cases.Lifecycle;
using static CityOps.Flow.Cases.Lifecycle.CaseEventKind;

namespace CityOps.Flow.Cases.Tests.Lifecycle;

public sealed class MisroutingPolicyTests
{
    private static readonly MisroutingPolicy Policy = MisroutingPolicy.Default;

    private static CaseProjection History(params (CaseEventKind Kind, DateTimeOffset At)[] events) =>
        CaseHistory.Project(events.Select(e => new CaseEvent(e.Kind, e.At)));

    private static CaseProjection DispatchedFridayMorning(int earlierReturns = 0)
    {
        var events = new List<(CaseEventKind, DateTimeOffset)> { (Reported, DemoCalendar.At(11, 20, 8)), (Filed, DemoCalendar.At(11, 20, 8, 30)) };
        for (var i = 0; i < earlierReturns; i++)
        {
            events.Add((Dispatched, DemoCalendar.At(11, 20, 9, i * 10)));
            events.Add((Returned, DemoCalendar.At(11, 20, 9, i * 10 + 5)));
        }

        events.Add((Dispatched, DemoCalendar.At(11, 20, 10)));
        return History([.. events]);
    }

    [Fact]
    public void Department_may_return_a_misrouted_case_with_a_reason_within_a_working_day()
    {
        Assert.Null(Policy.CheckReturn(DispatchedFridayMorning(), "属供电公司管辖", DemoCalendar.At(11, 20, 15), DemoCalendar.Calendar));
    }

    [Fact]
    public void Weekend_does_not_use_up_the_return_window()
    {
        Assert.Null(Policy.CheckReturn(DispatchedFridayMorning(), "属供电公司管辖", DemoCalendar.At(11, 23, 17), DemoCalendar.Calendar));
    }

    [Fact]
    public void Return_after_the_window_is_refused_with_the_alternative()
    {
        var refusal = Policy.CheckReturn(DispatchedFridayMorning(), "属供电公司管辖", DemoCalendar.At(11, 24, 9), DemoCalendar.Calendar);

        Assert.Equal("cannot return a case more than 1 working day after it was dispatched; request assistance or an extension instead", refusal);
    }

    [Fact]
    public void Return_without_a_reason_is_refused()
    {
        Assert.Contains("with a reason", Policy.CheckReturn(DispatchedFridayMorning(), " ", DemoCalendar.At(11, 20, 11), DemoCalendar.Calendar));
    }

    [Fact]
    public void Fourth_return_is_refused_because_the_dispatcher_has_named_the_unit()
    {
        Assert.Null(Policy.CheckReturn(DispatchedFridayMorning(earlierReturns: 2), "not ours", DemoCalendar.At(11, 20, 11), DemoCalendar.Calendar));
        Assert.Equal("cannot return a case already returned 3 times; the dispatcher has named the handling unit",
            Policy.CheckReturn(DispatchedFridayMorning(earlierReturns: 3), "not ours", DemoCalendar.At(11, 20, 11), DemoCalendar.Calendar));
    }

    [Fact]
    public void Case_in_the_wrong_status_is_refused_by_the_status_machine()
    {
        var reviewed = History((Reported, DemoCalendar.At(11, 20, 8)), (Filed, DemoCalendar.At(11, 20, 8)), (Dispatched, DemoCalendar.At(11, 20, 9)),
            (Accepted, DemoCalendar.At(11, 20, 9)), (Completed, DemoCalendar.At(11, 20, 10)));

        Assert.StartsWith("cannot return a case that is awaiting review", Policy.CheckReturn(reviewed, "x", DemoCalendar.At(11, 20, 11), DemoCalendar.Calendar));
    }

    [Fact]
    public void Return_window_runs_from_the_latest_dispatch()
    {
        var state = DispatchedFridayMorning(earlierReturns: 1);

        Assert.Equal(DemoCalendar.At(11, 20, 9), state.FirstDispatchedAt);
        Assert.Equal(DemoCalendar.At(11, 20, 10), state.LastDispatchedAt);
    }
}

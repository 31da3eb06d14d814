using CityOps.Flow.Cases.Lifecycle;
using static CityOps.Flow.Cases.Lifecycle.CaseEventKind;

namespace CityOps.Flow.Cases.Tests.Lifecycle;

public sealed class CaseHistoryTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static IEnumerable<CaseEvent> Events(params CaseEventKind[] kinds) =>
        kinds.Select((kind, i) => new CaseEvent(kind, Nine.AddMinutes(10 * i)));

    [Fact]
    public void Fresh_report_projects_to_reported()
    {
        var state = CaseHistory.Project(Events(Reported));

        Assert.Equal(CaseStatus.Reported, state.Status);
        Assert.Equal(Nine, state.ReportedAt);
        Assert.Null(state.Problem);
    }

    [Fact]
    public void Full_loop_projects_to_closed_with_its_milestones()
    {
        var state = CaseHistory.Project(Events(Reported, Filed, Dispatched, Accepted, Completed, ReviewAccepted, CallbackSatisfied));

        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Equal(Nine.AddMinutes(10), state.FiledAt);
        Assert.Equal(Nine.AddMinutes(20), state.FirstDispatchedAt);
        Assert.Equal(Nine.AddMinutes(40), state.LastCompletedAt);
        Assert.Equal(Nine.AddMinutes(60), state.ClosedAt);
        Assert.Equal(1, state.DispatchCount);
        Assert.True(state.CitizenSatisfied);
        Assert.Equal(7, state.EventCount);
    }

    [Fact]
    public void Returns_send_backs_and_reopens_are_counted()
    {
        var state = CaseHistory.Project(Events(
            Reported, Filed, Dispatched, Returned, Dispatched, Accepted, Completed, ReviewSentBack, Completed,
            ReviewAccepted, CallbackDissatisfied, Dispatched, Accepted, Completed, ReviewAccepted, CallbackSatisfied));

        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Equal(1, state.ReturnCount);
        Assert.Equal(1, state.SendBackCount);
        Assert.Equal(1, state.ReopenCount);
        Assert.Equal(3, state.DispatchCount);
        Assert.Equal(Nine.AddMinutes(20), state.FirstDispatchedAt);
        Assert.True(state.CitizenSatisfied);
    }

    [Fact]
    public void Reopening_a_closed_case_clears_its_closing_time()
    {
        var state = CaseHistory.Project(Events(Reported, Filed, Dispatched, Accepted, Completed, ReviewAccepted, ClosedWithoutCallback, CaseEventKind.Reopened));

        Assert.Equal(CaseStatus.Reopened, state.Status);
        Assert.Null(state.ClosedAt);
        Assert.Null(state.CitizenSatisfied);
    }

    [Fact]
    public void Event_that_does_not_fit_is_named_and_the_state_stops_before_it()
    {
        var state = CaseHistory.Project(Events(Reported, Filed, Dispatched, Accepted, Completed, Accepted, CallbackSatisfied));

        Assert.Equal(CaseStatus.AwaitingReview, state.Status);
        Assert.Equal(5, state.EventCount);
        Assert.StartsWith("event 6 (Accepted at ", state.Problem);
        Assert.Contains("cannot accept a case that is awaiting review", state.Problem);
    }

    [Fact]
    public void History_must_start_with_the_report()
    {
        var state = CaseHistory.Project(Events(Filed, Dispatched));

        Assert.Contains("must start with Reported", state.Problem);
    }

    [Fact]
    public void A_second_report_event_is_a_problem()
    {
        Assert.Contains("reported only once", CaseHistory.Project(Events(Reported, Reported)).Problem);
    }

    [Fact]
    public void Every_event_kind_but_reported_maps_to_a_command()
    {
        Assert.All(Enum.GetValues<CaseEventKind>().Where(k => k != Reported), k => Assert.NotNull(CaseHistory.CommandFor(k)));
        Assert.Null(CaseHistory.CommandFor(Reported));
    }
}

using CityOps.Flow.Cases.Lifecycle;
using static CityOps.Flow.Cases.Lifecycle.CaseStatus;

namespace CityOps.Flow.Cases.Tests.Lifecycle;

/// <summary>多人一诉 on the timeline: a report joined to an open case is an event that keeps the case where it is.</summary>
public sealed class ReportJoinedTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_report_joins_a_case_in_every_open_status_and_leaves_the_status_as_it_was()
    {
        foreach (var status in CaseTransitions.OpenStatuses)
        {
            var outcome = CaseTransitions.Apply(status, CaseCommand.JoinReport);

            Assert.True(outcome.Accepted, outcome.Refusal);
            Assert.Equal(status, outcome.Status);
        }
    }

    [Fact]
    public void A_closed_merged_or_cancelled_case_takes_no_report()
    {
        Assert.Equal([Closed, Merged, Cancelled], Enum.GetValues<CaseStatus>().Except(CaseTransitions.OpenStatuses));
        Assert.StartsWith("cannot join a report to a case that is closed", CaseTransitions.Apply(Closed, CaseCommand.JoinReport).Refusal);
        Assert.False(CaseTransitions.Apply(Merged, CaseCommand.JoinReport).Accepted);
        Assert.False(CaseTransitions.Apply(Cancelled, CaseCommand.JoinReport).Accepted);
        Assert.True(CaseTransitions.IsFinal(Merged));
    }

    [Fact]
    public void A_refusal_does_not_offer_joining_a_report_to_a_person()
    {
        var refusal = CaseTransitions.Apply(Handling, CaseCommand.ReviewAccept).Refusal;

        Assert.DoesNotContain("join", refusal);
        Assert.Contains(CaseCommand.JoinReport, CaseTransitions.Allowed(Handling));
    }

    [Fact]
    public void Joined_reports_are_counted_and_interleave_with_the_lifecycle()
    {
        var projection = CaseHistory.Project([
            new CaseEvent(CaseEventKind.Reported, Morning),
            new CaseEvent(CaseEventKind.ReportJoined, Morning.AddMinutes(3), "video-box", "video:video-box:cam-1"),
            new CaseEvent(CaseEventKind.Filed, Morning.AddMinutes(5), "dispatcher"),
            new CaseEvent(CaseEventKind.ReportJoined, Morning.AddMinutes(6), "video-box", "video:video-box:cam-2"),
            new CaseEvent(CaseEventKind.Dispatched, Morning.AddMinutes(7), "dispatcher"),
        ]);

        Assert.Null(projection.Problem);
        Assert.Equal(Dispatched, projection.Status);
        Assert.Equal(2, projection.JoinedReportCount);
        Assert.Equal(5, projection.EventCount);
        Assert.Equal(CaseCommand.JoinReport, CaseHistory.CommandFor(CaseEventKind.ReportJoined));
    }

    [Fact]
    public void A_report_joined_after_closure_makes_the_history_refused_at_that_event()
    {
        var projection = CaseHistory.Project([
            new CaseEvent(CaseEventKind.Reported, Morning),
            new CaseEvent(CaseEventKind.Cancelled, Morning.AddMinutes(1), "dispatcher"),
            new CaseEvent(CaseEventKind.ReportJoined, Morning.AddMinutes(2), "video-box"),
        ]);

        Assert.Equal(Cancelled, projection.Status);
        Assert.StartsWith("event 3 (ReportJoined", projection.Problem);
    }
}

using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Cases.Tests.Reporting;

public sealed class PerformanceReportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AsOf = Monday.AddDays(7);

    private static CaseFacts Closed(string id, double dispatchedAfterHours = 1, double handledHours = 3, double dueAfterHours = 8,
        bool? satisfied = true, int returns = 0, int sendBacks = 0, int reopens = 0, bool auto = true, string department = "dept-water") => new()
    {
        CaseId = id,
        CategoryCode = "E0402",
        AreaId = "310199001",
        DepartmentId = department,
        ReportedAt = Monday,
        FirstDispatchedAt = Monday.AddHours(dispatchedAfterHours),
        DueAt = Monday.AddHours(dueAfterHours),
        CompletedAt = Monday.AddHours(dispatchedAfterHours + handledHours),
        ClosedAt = Monday.AddHours(dispatchedAfterHours + handledHours + 2),
        DispatchCount = 1 + returns + reopens,
        ReturnCount = returns,
        SendBackCount = sendBacks,
        ReopenCount = reopens,
        CitizenSatisfied = satisfied,
        AutoDispatched = auto,
    };

    [Fact]
    public void Empty_set_has_no_rates_rather_than_zero()
    {
        var summary = PerformanceReport.Summarize([], AsOf);

        Assert.Equal(0, summary.CaseCount);
        Assert.Null(summary.OnTime.Value);
        Assert.Null(summary.AverageHandlingTime);
        Assert.Equal("n/a (0 cases)", summary.Satisfaction.ToString());
    }

    [Fact]
    public void On_time_rate_counts_late_completions_and_open_cases_past_due()
    {
        CaseFacts[] cases =
        [
            Closed("a"),
            Closed("b", handledHours: 10),
            Closed("c") with { CompletedAt = null, ClosedAt = null },
            Closed("d") with { CompletedAt = null, ClosedAt = null, DueAt = AsOf.AddDays(1) },
        ];

        var summary = PerformanceReport.Summarize(cases, AsOf);

        Assert.Equal(new Rate(1, 3), summary.OnTime);
        Assert.Equal("33.3% (1/3)", summary.OnTime.ToString());
    }

    [Fact]
    public void Completion_exactly_at_the_due_time_is_on_time()
    {
        var summary = PerformanceReport.Summarize([Closed("a", dispatchedAfterHours: 1, handledHours: 7, dueAfterHours: 8)], AsOf);

        Assert.Equal(new Rate(1, 1), summary.OnTime);
    }

    [Fact]
    public void Average_handling_time_runs_from_first_dispatch_to_completion()
    {
        var summary = PerformanceReport.Summarize([Closed("a", handledHours: 2), Closed("b", handledHours: 4), Closed("c") with { CompletedAt = null }], AsOf);

        Assert.Equal(TimeSpan.FromHours(3), summary.AverageHandlingTime);
    }

    [Fact]
    public void Return_rate_and_first_time_resolution_use_their_own_denominators()
    {
        CaseFacts[] cases =
        [
            Closed("a"),
            Closed("b", returns: 2),
            Closed("c", sendBacks: 1),
            Closed("d", reopens: 1),
            Closed("e") with { ClosedAt = null },
            Closed("f") with { FirstDispatchedAt = null, CompletedAt = null, ClosedAt = null },
        ];

        var summary = PerformanceReport.Summarize(cases, AsOf);

        Assert.Equal(new Rate(1, 5), summary.Returned);
        Assert.Equal(new Rate(1, 4), summary.FirstTimeResolution);
    }

    [Fact]
    public void Satisfaction_counts_only_cases_with_a_callback()
    {
        var summary = PerformanceReport.Summarize([Closed("a"), Closed("b", satisfied: false), Closed("c", satisfied: null)], AsOf);

        Assert.Equal(new Rate(1, 2), summary.Satisfaction);
    }

    [Fact]
    public void Auto_dispatch_rate_is_over_dispatched_cases()
    {
        var summary = PerformanceReport.Summarize([Closed("a"), Closed("b"), Closed("c", auto: false), Closed("d") with { FirstDispatchedAt = null }], AsOf);

        Assert.Equal(new Rate(2, 3), summary.AutoDispatched);
    }

    [Fact]
    public void Figures_per_department_are_ordered_and_skip_undispatched_cases()
    {
        CaseFacts[] cases =
        [
            Closed("a", department: "dept-water"),
            Closed("b", department: "dept-gas", handledHours: 10),
            Closed("c", department: "dept-water", handledHours: 10),
            Closed("d") with { DepartmentId = null },
        ];

        var byDepartment = PerformanceReport.By(cases, c => c.DepartmentId, AsOf);

        Assert.Equal(["dept-gas", "dept-water"], byDepartment.Select(p => p.Key));
        Assert.Equal(new Rate(0, 1), byDepartment[0].Value.OnTime);
        Assert.Equal(new Rate(1, 2), byDepartment[1].Value.OnTime);
    }

    [Fact]
    public void Facts_from_a_projected_history_carry_its_counts()
    {
        var events = new[]
        {
            CaseEventKind.Reported, CaseEventKind.Filed, CaseEventKind.Dispatched, CaseEventKind.Returned, CaseEventKind.Dispatched,
            CaseEventKind.Accepted, CaseEventKind.Completed, CaseEventKind.ReviewAccepted, CaseEventKind.CallbackSatisfied,
        }.Select((kind, i) => new CaseEvent(kind, Monday.AddHours(i)));

        var facts = CaseFacts.From("c-1", "E0402", "310199001", "dept-water", Monday.AddHours(8), autoDispatched: false, CaseHistory.Project(events));
        var summary = PerformanceReport.Summarize([facts], AsOf);

        Assert.Equal(new Rate(1, 1), summary.Returned);
        Assert.Equal(new Rate(0, 1), summary.FirstTimeResolution);
        Assert.Equal(new Rate(1, 1), summary.OnTime);
        Assert.Equal(TimeSpan.FromHours(4), summary.AverageHandlingTime);
    }
}

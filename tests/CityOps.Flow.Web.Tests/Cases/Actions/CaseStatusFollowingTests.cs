using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Web.Workers;

namespace CityOps.Flow.Web.Tests.Cases.Actions;

/// <summary>Which case events the lifecycle's <c>case-status</c> task appends, from where the case stands.</summary>
public sealed class CaseStatusFollowingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<CaseEventKind> Kinds(CaseStatus current, string status, Dictionary<string, object?>? variables = null) =>
        [.. CaseLifecycleHandlers.Missing(current, status, variables ?? [], At).Select(e => e.Kind)];

    [Fact]
    public void A_first_dispatch_files_and_dispatches_a_reported_case() =>
        Assert.Equal([CaseEventKind.Filed, CaseEventKind.Dispatched], Kinds(CaseStatus.Reported, "dispatched"));

    [Fact]
    public void A_returned_case_is_dispatched_again() =>
        Assert.Equal([CaseEventKind.Dispatched], Kinds(CaseStatus.Filed, "dispatched"));

    [Fact]
    public void Running_again_after_a_conflict_appends_nothing()
    {
        Assert.Empty(Kinds(CaseStatus.Dispatched, "dispatched"));
        Assert.Empty(Kinds(CaseStatus.Closed, "closed", new() { ["satisfaction"] = "satisfied" }));
        Assert.Empty(Kinds(CaseStatus.Merged, "merged"));
        Assert.Empty(Kinds(CaseStatus.Cancelled, "invalid"));
    }

    [Fact]
    public void Closing_records_how_the_citizen_answered()
    {
        Assert.Equal([CaseEventKind.CallbackSatisfied], Kinds(CaseStatus.AwaitingCallback, "closed", new() { ["satisfaction"] = "basically satisfied" }));
        Assert.Equal([CaseEventKind.ClosedWithoutCallback], Kinds(CaseStatus.AwaitingCallback, "closed", new() { ["satisfaction"] = "dissatisfied" }));
        Assert.Equal([CaseEventKind.ClosedWithoutCallback], Kinds(CaseStatus.AwaitingCallback, "closed"));
    }

    [Fact]
    public void A_rejected_report_is_cancelled_with_the_triage_reason()
    {
        var rejected = Assert.Single(CaseLifecycleHandlers.Missing(CaseStatus.Reported, "invalid", new Dictionary<string, object?> { ["triageReason"] = "误报" }, At));

        Assert.Equal(CaseEventKind.Cancelled, rejected.Kind);
        Assert.Equal("误报", rejected.Note);
    }

    [Fact]
    public void A_duplicate_is_merged_naming_the_open_case()
    {
        var merged = Assert.Single(CaseLifecycleHandlers.Missing(CaseStatus.Reported, "merged", new Dictionary<string, object?> { ["duplicateOf"] = "case-1" }, At));

        Assert.Equal(CaseEventKind.Merged, merged.Kind);
        Assert.Equal("case-1", merged.Note);
    }
}

using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// Cases as public GeoReport service requests, keyed by case number. Nothing personal leaves: no reporter, and the
/// description only of requests citizens filed through Open311 themselves (an operator's notes of a call may name people).
/// </summary>
public static class Open311Requests
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>Closed, merged into another case, or cancelled: nothing more will happen to it.</summary>
    public static string StatusOf(CaseStatus status) =>
        status is CaseStatus.Closed or CaseStatus.Merged or CaseStatus.Cancelled ? Closed : Open;

    public static Open311Item Request(CaseRecord record, CategoryCatalog catalog) => new([
        ("service_request_id", record.Number),
        ("status", StatusOf(record.Status)),
        ("status_notes", NotesOf(record.Status)),
        ("service_name", catalog.Find(record.CategoryCode)?.NameZh),
        ("service_code", record.CategoryCode),
        ("description", record.Channel == Channel.CitizenApp ? record.Description : null),
        ("agency_responsible", record.LeadDepartmentId),
        ("service_notice", null),
        ("requested_datetime", record.OpenedAt),
        ("updated_datetime", record.ClosedAt),
        ("expected_datetime", record.DueAt),
        ("address", record.Address),
        ("address_id", null),
        ("zipcode", null),
        ("lat", record.Point?.Latitude),
        ("long", record.Point?.Longitude),
        ("media_url", null),
    ]);

    /// <summary>The answer to a filed request: the case number the citizen can quote, and what happened to the report.</summary>
    public static Open311Item Receipt(CaseRecord record, IntakeOutcomeKind kind, string? accountId) => new([
        ("service_request_id", record.Number),
        ("service_notice", kind switch
        {
            IntakeOutcomeKind.Joined => $"已并入处理中的案件 {record.Number} (joined open case {record.Number}, {record.ClusterSize} reports)",
            IntakeOutcomeKind.Duplicate => $"此前已受理为案件 {record.Number} (already received as case {record.Number})",
            _ => $"已受理，案件编号 {record.Number} (received as case {record.Number})",
        }),
        ("account_id", accountId),
    ]);

    private static string NotesOf(CaseStatus status) => status switch
    {
        CaseStatus.Reported or CaseStatus.Filed or CaseStatus.Reopened => "已受理，待派遣 (waiting for dispatch)",
        CaseStatus.Dispatched => "已派遣 (dispatched to a department)",
        CaseStatus.Handling or CaseStatus.JointHandling => "处置中 (being handled)",
        CaseStatus.AwaitingReview or CaseStatus.AwaitingCallback => "处置完成，核查中 (done, being checked)",
        CaseStatus.Closed => "已结案 (closed)",
        CaseStatus.Merged => "已并入其他案件 (merged into another case)",
        CaseStatus.Cancelled => "不予立案 (not taken up)",
        _ => status.ToString(),
    };
}

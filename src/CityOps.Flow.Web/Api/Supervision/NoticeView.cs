using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>
/// A supervision notice (督办) or escalation as lists show it. An automatic notice's <see cref="Recipients"/> are the
/// escalation table's codes (<c>handler</c>, <c>section chief</c>, <c>department leader</c>, <c>district leader</c>,
/// <c>leader:&lt;userId&gt;</c> for a key case's leader); a person's notice has none.
/// </summary>
public sealed record NoticeView(
    long Id, string CaseId, string CaseNumber, [property: JsonConverter(typeof(JsonStringEnumConverter<WarningTier>))] WarningTier Tier, DateTimeOffset IssuedAt, string IssuedBy,
    string? IssuedByName, string? DepartmentId, string? DepartmentName, string Message, IReadOnlyList<string> Recipients)
{
    /// <summary>Issued by the lifecycle's escalation timer, not by a person.</summary>
    public bool BySystem => IssuedBy == SupervisionNotice.BySystem;

    public static NoticeView Of(SupervisionNoticeEntry entry, string? departmentName, string? issuedByName) => new(
        entry.Id, entry.Notice.CaseId, entry.CaseNumber, entry.Notice.Tier, entry.Notice.IssuedAt, entry.Notice.IssuedBy,
        issuedByName, entry.Notice.DepartmentId, departmentName, entry.Notice.Message, entry.Notice.Recipients);
}

using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>A case as the API shows it; the reporter only masked (<c>张** 138****5678</c>).</summary>
public sealed record CaseView(
    string Id,
    string Number,
    string CategoryCode,
    string? StreetId,
    string? CommunityId,
    string? GridId,
    string Channel,
    string Severity,
    string Status,
    int ClusterSize,
    string? LeadDepartmentId,
    string? ProcessInstanceId,
    string? Description,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? Reporter,
    bool IsKeyCase,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt)
{
    public static CaseView Of(CaseRecord c) => new(
        c.Id, c.Number, c.CategoryCode, c.StreetId, c.CommunityId, c.GridId, ChannelCode.Of(c.Channel), SeverityCode.Of(c.Severity),
        c.Status.ToString(), c.ClusterSize, c.LeadDepartmentId, c.ProcessInstanceId, c.Description, c.Address, c.Point?.Latitude,
        c.Point?.Longitude, c.ReporterMasked, c.IsKeyCase, c.OpenedAt, c.DueAt, c.ClosedAt);
}

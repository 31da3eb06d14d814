using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using Microsoft.Extensions.Localization;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// <c>GET /cases/export.csv</c> with the search page's query string: every case of the search within the caller's
/// scope, streamed page by page as UTF-8 CSV with a byte-order mark (so Excel opens Chinese text correctly). Reporters
/// are masked unless the caller's role may see personal data; then the export is written to the audit log first.
/// </summary>
public static class CaseExport
{
    /// <summary>The most rows one export writes; a larger result needs a narrower search.</summary>
    public const int MaxRows = 100_000;

    public static async Task WriteAsync(
        HttpContext context, CaseRepository cases, CaseScopes scopes, CaseVocabulary vocabulary, WorkingTimeCalendar calendar,
        IAuditLog audit, IStringLocalizer<CasesText> text)
    {
        var ct = context.RequestAborted;
        var filter = CaseSearchFilter.Read(context.Request.Query);
        var (query, problems) = filter.ToQuery(calendar);
        if (query is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(string.Join("\n", problems.Select(p => $"{p.Key}: {text[p.Value]}")), ct);
            return;
        }

        var user = context.User;
        var scope = await scopes.ForAsync(user, ct);
        await vocabulary.ReadyAsync(ct);
        var revealsReporters = CaseScopes.PersonalDataRoles.Any(user.IsInRole);
        if (revealsReporters)
        {
            await audit.AppendAsync(new AuditEvent
            {
                ActorUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown",
                ActorRoles = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                Action = AuditAction.PersonalDataRevealed,
                SubjectType = "case-export",
                SubjectId = filter.QueryString() is { Length: > 0 } q ? q : "?",
                DetailsJson = JsonSerializer.Serialize(new { fields = new[] { "name", "phone" } }),
            }, ct);
        }

        var culture = CultureInfo.CurrentUICulture;
        var day = calendar.ToLocal(DateTimeOffset.UtcNow).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"cases-{day}.csv\"";
        context.Response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024)
        {
            NewLine = "\r\n",
        };
        string[] columns = ["Column.Number", "Column.OpenedAt", "Column.Category", "Column.Street", "Column.Community", "Column.Channel",
            "Column.Status", "Column.Department", "Column.DueAt", "Column.ClosedAt", "Column.ClusterSize", "Column.Address",
            "Column.Description", "Column.Reporter"];
        await writer.WriteLineAsync(CaseCsv.Line(columns.Select(c => (string?)text[c].Value)));

        var written = 0;
        string? cursor = null;
        do
        {
            var page = await cases.SearchAsync(query, scope, CaseRepository.MaxPageSize, cursor, ct);
            var reporters = revealsReporters
                ? await cases.ListReportersAsync([.. page.Cases.Select(c => c.Id)], scope, ct)
                : new Dictionary<string, CityOps.Flow.Cases.Intake.Reporter>();
            foreach (var found in page.Cases.Take(MaxRows - written))
            {
                var reporter = reporters.TryGetValue(found.Id, out var full)
                    ? string.Join(' ', new[] { full.Name, full.Phone?.Reveal() }.OfType<string>())
                    : found.ReporterMasked;
                await writer.WriteLineAsync(CaseCsv.Line(
                [
                    found.Number,
                    CaseFormatting.Time(calendar, found.OpenedAt),
                    found.CategoryCode + " " + vocabulary.CategoryName(found.CategoryCode, culture),
                    vocabulary.AreaName(found.StreetId, culture),
                    vocabulary.AreaName(found.CommunityId, culture),
                    text["Channel." + CityOps.Flow.Cases.Intake.ChannelCode.Of(found.Channel)],
                    text["Status." + found.Status],
                    vocabulary.DepartmentName(found.LeadDepartmentId, culture),
                    CaseFormatting.Time(calendar, found.DueAt),
                    CaseFormatting.Time(calendar, found.ClosedAt),
                    found.ClusterSize.ToString(CultureInfo.InvariantCulture),
                    found.Address,
                    found.Description,
                    reporter,
                ]));
                written++;
            }

            await writer.FlushAsync(ct);
            cursor = page.NextCursor;
        }
        while (cursor is not null && written < MaxRows);
    }
}

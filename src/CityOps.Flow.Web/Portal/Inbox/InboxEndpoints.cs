using System.Globalization;
using System.Security.Claims;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Cases.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>
/// The inbox's endpoints besides its pages: <c>GET /inbox/rows</c> (the list htmx polls), <c>GET /inbox/count</c>
/// (the navigation's count) and <c>POST /inbox/tasks/{taskId}/claim|unclaim</c> (plain form posts that come back to
/// the inbox they were sent from).
/// </summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapGroup("/inbox").RequireAuthorization().ExcludeFromDescription();
        inbox.MapGet("/rows", RowsAsync);
        inbox.MapGet("/count", CountAsync);
        inbox.MapPost("/tasks/{taskId:guid}/{action:regex(^(claim|unclaim)$)}", ClaimAsync);
        inbox.MapGet("/tasks/{taskId:guid}/photos/{attachmentId}", PhotoAsync);
        return endpoints;
    }

    private static async Task<RazorComponentResult<InboxRows>> RowsAsync(
        HttpContext context, ClaimsPrincipal user, CaseTaskDesk desk, CaseWorklist worklist, OrgRepository org, UserRepository users,
        CategoryCatalog catalog, WorkingTimeCalendar calendar)
    {
        var ct = context.RequestAborted;
        var filter = InboxFilter.From(context.Request.Query);
        var actor = await desk.ActorAsync(user, ct);
        var names = await InboxNames.LoadAsync(org, users, catalog, calendar, ct);
        var page = await worklist.QueryAsync(actor, filter.ToQuery(), ct);
        var rows = new List<InboxRowView>(page.Items.Count);
        foreach (var item in page.Items)
        {
            rows.Add(await names.RowAsync(item, actor, ct));
        }

        return new RazorComponentResult<InboxRows>(new Dictionary<string, object?>
        {
            [nameof(InboxRows.Rows)] = rows,
            [nameof(InboxRows.Total)] = page.Total,
            [nameof(InboxRows.Everything)] = page.Everything,
            [nameof(InboxRows.Offset)] = page.Offset,
            [nameof(InboxRows.Limit)] = InboxFilter.PageSize,
            [nameof(InboxRows.Filters)] = filter.QueryString(),
            [nameof(InboxRows.Polled)] = true,
        });
    }

    /// <summary>The number of open tasks as the navigation badge's text; empty when there are none, which hides the badge.</summary>
    private static async Task<IResult> CountAsync(HttpContext context, ClaimsPrincipal user, CaseTaskDesk desk, CaseWorklist worklist)
    {
        var count = await worklist.CountAsync(await desk.ActorAsync(user, context.RequestAborted), context.RequestAborted);
        return Results.Content(count == 0 ? "" : count.ToString(CultureInfo.InvariantCulture), "text/plain; charset=utf-8");
    }

    /// <summary>
    /// A photo of the task's case, for whoever the task is offered to: an assisting department sees the photos of a
    /// case it does not lead while it works on it.
    /// </summary>
    private static async Task<IResult> PhotoAsync(
        Guid taskId, string attachmentId, HttpContext context, ClaimsPrincipal user, CaseTaskDesk desk, CaseAttachments attachments)
    {
        var ct = context.RequestAborted;
        var actor = await desk.ActorAsync(user, ct);
        if (await desk.FindTaskAsync(taskId, actor, ct) is not { } found)
        {
            return Results.NotFound();
        }

        var (_, scope) = await desk.FindCaseAsync(found.Case.Id, actor, ct);
        if (await attachments.OpenAsync(found.Case.Id, attachmentId, scope, ct) is not { } opened)
        {
            return Results.NotFound();
        }

        var (attachment, content) = opened;

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(content, attachment.MediaType, fileDownloadName: null,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    private static async Task<IResult> ClaimAsync(
        Guid taskId, string action, [FromForm] string? returnUrl, HttpContext context, ClaimsPrincipal user, CaseTaskDesk desk)
    {
        var ct = context.RequestAborted;
        var back = LocalUrl.OrHome(returnUrl);
        var actor = await desk.ActorAsync(user, ct);
        // The page says what failed in its own words: a refusal's detail is not carried in the address, where anyone could write it.
        if (await desk.FindTaskAsync(taskId, actor, ct) is not { } found)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(back, "refused", action));
        }

        var outcome = await desk.ActAsync(actor, found.Case.Id, taskId, action, new TaskActionRequest(), ct);
        return Results.Redirect(outcome.Succeeded ? back : QueryHelpers.AddQueryString(back, "refused", action));
    }
}

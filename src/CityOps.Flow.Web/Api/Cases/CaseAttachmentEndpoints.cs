using System.Globalization;
using System.Security.Claims;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// Photos of a case: <c>POST /api/cases/{id}/attachments</c> (multipart, one or more <c>file</c> parts, optional
/// <c>taskId</c> or <c>reportId</c>; the antiforgery token as for any form post), <c>GET .../attachments</c> and
/// <c>GET .../attachments/{attachmentId}</c> (the bytes). A case outside the caller's scope answers 404 like an unknown one.
/// </summary>
public static class CaseAttachmentEndpoints
{
    /// <summary>The roles that add photos to cases; leaders and auditors only look.</summary>
    public static IReadOnlyList<string> UploadRoles { get; } =
        [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Handler, CityRoles.Supervisor, CityRoles.Administrator];

    public static IEndpointRouteBuilder MapCaseAttachmentApi(this IEndpointRouteBuilder endpoints)
    {
        var attachments = endpoints.MapGroup("/api/cases/{id}/attachments").RequireAuthorization().WithTags("Cases")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        attachments.MapPost("/", UploadAsync)
            .RequireAuthorization(policy => policy.RequireRole(UploadRoles))
            .WithName("UploadCaseAttachments")
            .WithSummary("Adds photos (JPEG, PNG, GIF or WebP by content, 10 MB each, at most 9) to a case, optionally tied to one of its tasks or reports; 201 with the stored photos. A photo the case already holds is answered, not stored twice.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<IReadOnlyList<AttachmentView>>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            // Nine photos of the largest size and the form's other fields.
            .WithMetadata(new RequestSizeLimitAttribute(CaseAttachments.MaxPerUpload * 10L * 1024 * 1024 + 1024 * 1024));
        attachments.MapGet("/", ListAsync).WithName("CaseAttachments")
            .WithSummary("The case's photos in the order they were added.")
            .Produces<IReadOnlyList<AttachmentView>>();
        attachments.MapGet("/{attachmentId}", ContentAsync).WithName("CaseAttachmentContent")
            .WithSummary("The photo's bytes, served as the image type its content was found to be.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        string id, IFormFileCollection form, [FromForm] string? taskId, [FromForm] string? reportId,
        CaseAttachments photos, CaseScopes scopes, ClaimsPrincipal user, HttpContext context)
    {
        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        if (await photos.ListAsync(id, scope, ct) is null)
        {
            return UnknownCase(id);
        }

        var problems = new List<IntakeProblem>();
        var files = form.GetFiles("file");
        if (files.Count == 0)
        {
            problems.Add(new IntakeProblem("file", "at least one photo is required (a multipart part named 'file')"));
        }
        else if (files.Count > CaseAttachments.MaxPerUpload)
        {
            problems.Add(new IntakeProblem("file", $"{files.Count} photos sent; at most {CaseAttachments.MaxPerUpload} go in one upload"));
        }

        Guid? task = null;
        if (!string.IsNullOrWhiteSpace(taskId))
        {
            if (Guid.TryParse(taskId, out var parsed))
            {
                task = parsed;
            }
            else
            {
                problems.Add(new IntakeProblem("taskId", $"'{taskId}' is not a task id"));
            }
        }

        long? report = null;
        if (!string.IsNullOrWhiteSpace(reportId))
        {
            if (long.TryParse(reportId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                report = parsed;
            }
            else
            {
                problems.Add(new IntakeProblem("reportId", $"'{reportId}' is not a report id"));
            }
        }

        // Every photo is checked before any is stored, so a refused upload leaves the case as it was.
        for (var i = 0; i < files.Count && problems.Count == 0; i++)
        {
            if (await photos.InspectAsync(files[i], ct) is { } refusal)
            {
                problems.Add(new IntakeProblem($"file[{i}]", refusal));
            }
        }

        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var uploader = user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var stored = new List<AttachmentView>();
        foreach (var photo in files)
        {
            var outcome = await photos.SaveAsync(id, uploader, photo, new AttachmentLink(task, report), ct);
            if (outcome.Problem is { } problem)
            {
                return Invalid([problem]);
            }

            stored.Add(AttachmentView.Of(outcome.Attachment!));
        }

        return Results.Created($"/api/cases/{id}/attachments", stored);
    }

    private static async Task<IResult> ListAsync(string id, CaseAttachments photos, CaseScopes scopes, ClaimsPrincipal user, HttpContext context)
    {
        var scope = await scopes.ForAsync(user, context.RequestAborted);
        return await photos.ListAsync(id, scope, context.RequestAborted) is { } found
            ? Results.Ok(found.Select(AttachmentView.Of).ToList())
            : UnknownCase(id);
    }

    private static async Task<IResult> ContentAsync(
        string id, string attachmentId, CaseAttachments photos, CaseScopes scopes, ClaimsPrincipal user, HttpContext context)
    {
        var scope = await scopes.ForAsync(user, context.RequestAborted);
        if (await photos.OpenAsync(id, attachmentId, scope, context.RequestAborted) is not { } opened)
        {
            return Results.Problem($"No photo '{attachmentId}' of a case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown photo");
        }

        var (attachment, content) = opened;
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // The bytes behind an id never change, but whether this person may still see them can: cache privately and briefly.
        headers[HeaderNames.CacheControl] = "private, max-age=3600";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
        return Results.File(content, attachment.MediaType, entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    private static IResult Invalid(IReadOnlyList<IntakeProblem> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "The photos were not accepted",
            detail: string.Join("; ", problems));

    private static IResult UnknownCase(string id) =>
        Results.Problem($"No case '{id}' that you may see.", statusCode: StatusCodes.Status404NotFound, title: "Unknown case");
}

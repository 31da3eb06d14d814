using System.Security.Claims;
using System.Text.Encodings.Web;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using Microsoft.AspNetCore.Antiforgery;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// The case pages' own endpoints beside the Razor pages: the CSV export of a search, the BPMN XML of a case's process
/// version for the diagram, and the reveal of a reporter as an htmx fragment. All answer within the caller's scope;
/// a case outside it is 404 like an unknown one.
/// </summary>
public static class CasePortalEndpoints
{
    public static IServiceCollection AddCasePortal(this IServiceCollection services)
    {
        services.AddSingleton<CaseVocabulary>();
        services.AddSingleton<ProcessModels>();
        services.AddScoped<CaseDetailReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasePortal(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/cases").RequireAuthorization().ExcludeFromDescription();
        cases.MapGet("/export.csv", CaseExport.WriteAsync);
        cases.MapGet("/{id}/diagram.bpmn", DiagramAsync);
        cases.MapPost("/{id}/reporter", RevealAsync)
            .RequireAuthorization(policy => policy.RequireRole(CaseScopes.PersonalDataRoles))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static async Task<IResult> DiagramAsync(string id, CaseDetailReader reader, ClaimsPrincipal user, HttpContext context)
    {
        var model = await reader.ReadDiagramAsync(id, user, context.RequestAborted);
        if (model is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.Text(model.Xml, "application/xml; charset=utf-8");
    }

    private static async Task<IResult> RevealAsync(
        string id, CaseRepository repository, CaseScopes scopes, IAuditLog audit, ClaimsPrincipal user, HttpContext context)
    {
        // The antiforgery middleware records its verdict; an endpoint that reads no form must act on it itself.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return Results.BadRequest();
        }

        var scope = await scopes.ForAsync(user, context.RequestAborted);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "unknown";
        var reporter = await repository.RevealReporterAsync(id, scope, actor, roles, audit, context.RequestAborted);
        if (reporter is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        var text = string.Join(' ', new[] { reporter.Name, reporter.Phone?.Reveal() }.OfType<string>());
        return Results.Content($"<span data-role=\"reporter-full\">{HtmlEncoder.Default.Encode(text)}</span>", "text/html; charset=utf-8");
    }
}

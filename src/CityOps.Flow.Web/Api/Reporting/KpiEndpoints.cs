using System.Security.Claims;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>
/// Key figures under <c>/api/kpi</c>: figures over a window (day, week, month or a range of days on the district's
/// calendar) with breakdowns, trends, workload by channel and hotspot warnings. Everything is within the caller's data
/// scope; bad parameters are RFC 9457 validation problems naming the parameter.
/// </summary>
public static class KpiEndpoints
{
    private const string WindowHelp = "period=day|week|month|range (default month) with date=yyyy-MM-dd (default today), or from/to for a range (both days included)";

    public static IEndpointRouteBuilder MapKpiApi(this IEndpointRouteBuilder endpoints)
    {
        var kpi = endpoints.MapGroup("/api/kpi").RequireAuthorization().WithTags("KPIs")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem();
        kpi.MapGet("/", ReportAsync).WithName("GetKpis")
            .WithSummary($"On-time rate, average handling time in working time, return rate, first-time resolution, satisfaction and auto-dispatch rate of the cases opened in a window ({WindowHelp}); filter by department, area, category, channel; by=department|street|community|category|channel breaks them down.")
            .Produces<KpiReportView>();
        kpi.MapGet("/trend", TrendAsync).WithName("GetKpiTrend")
            .WithSummary("The key figures per day, week or month (bucket) of a window.")
            .Produces<KpiTrendView>();
        kpi.MapGet("/workload", WorkloadAsync).WithName("GetKpiWorkload")
            .WithSummary("Reports and cases that came in during a window (default today) by channel, and the cases open and overdue now.")
            .Produces<WorkloadView>();
        kpi.MapGet("/hotspots", HotspotsAsync).WithName("GetHotspots")
            .WithSummary("Early warnings (未诉先办): categories whose reports in a street or community (level) over the last 24 hours rise well above the 14 days before.")
            .Produces<HotspotListView>();
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(
        KpiReports reports, CaseScopes scopes, CategoryCatalog catalog, ClaimsPrincipal user, HttpContext context,
        string? period, string? date, string? from, string? to, string? department, string? area, string? category, string? channel, string? by)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var (window, windowProblems) = KpiWindow.Parse(period, date, from, to, reports.Calendar, reports.Now);
        problems.AddRange(windowProblems);
        var filter = Filter(department, area, category, channel, catalog, problems);
        var grouping = by is null ? (KpiGrouping?)null : ParseGrouping("by", by, problems, allowChannel: true);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        return Results.Ok(await reports.ReportAsync(scope, window!, filter, grouping, await reports.NamesAsync(ct), ct));
    }

    private static async Task<IResult> TrendAsync(
        KpiReports reports, CaseScopes scopes, CategoryCatalog catalog, ClaimsPrincipal user, HttpContext context,
        string? period, string? date, string? from, string? to, string? department, string? area, string? category, string? channel, string? bucket)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var (window, windowProblems) = KpiWindow.Parse(period, date, from, to, reports.Calendar, reports.Now);
        problems.AddRange(windowProblems);
        var filter = Filter(department, area, category, channel, catalog, problems);
        KpiBucket? parsedBucket = null;
        if (bucket is not null)
        {
            if (Enum.TryParse<KpiBucket>(bucket, ignoreCase: true, out var b) && Enum.IsDefined(b) && !int.TryParse(bucket, out _))
            {
                parsedBucket = b;
            }
            else
            {
                problems.Add(new("bucket", $"'{bucket}' is not a bucket; use day, week or month"));
            }
        }

        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        return Results.Ok(await reports.TrendAsync(scope, window!, parsedBucket ?? window!.NaturalBucket, filter, ct));
    }

    private static async Task<IResult> WorkloadAsync(
        KpiReports reports, CaseScopes scopes, CategoryCatalog catalog, ClaimsPrincipal user, HttpContext context,
        string? period, string? date, string? from, string? to, string? department, string? area, string? category, string? channel)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var (window, windowProblems) = KpiWindow.Parse(period ?? "day", date, from, to, reports.Calendar, reports.Now);
        problems.AddRange(windowProblems);
        var filter = Filter(department, area, category, channel, catalog, problems);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        return Results.Ok(await reports.WorkloadAsync(scope, window!, filter, ct));
    }

    private static async Task<IResult> HotspotsAsync(KpiReports reports, CaseScopes scopes, ClaimsPrincipal user, HttpContext context, string? level)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var grouping = level is null ? KpiGrouping.Community : ParseGrouping("level", level, problems, allowChannel: false);
        if (grouping is not (KpiGrouping.Street or KpiGrouping.Community) && problems.Count == 0)
        {
            problems.Add(new("level", $"'{level}' is not an area level; use street or community"));
        }

        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var ct = context.RequestAborted;
        var scope = await scopes.ForAsync(user, ct);
        return Results.Ok(await reports.HotspotsAsync(scope, grouping!.Value, await reports.NamesAsync(ct), ct));
    }

    private static KpiFilter Filter(
        string? department, string? area, string? category, string? channel, CategoryCatalog catalog, List<KeyValuePair<string, string>> problems)
    {
        if (category is not null && catalog.Find(category) is null)
        {
            problems.Add(new("category", $"'{category}' is not a category of the catalogue"));
        }

        if (channel is not null && !ChannelCode.TryParse(channel, out _))
        {
            problems.Add(new("channel", $"'{channel}' is not a channel; use hotline, grid, iot, video, app or doorplate"));
        }

        return new KpiFilter
        {
            DepartmentId = Blank(department),
            AreaId = Blank(area),
            CategoryCode = Blank(category),
            Channel = Blank(channel),
        };
    }

    private static KpiGrouping? ParseGrouping(string field, string text, List<KeyValuePair<string, string>> problems, bool allowChannel)
    {
        if (Enum.TryParse<KpiGrouping>(text, ignoreCase: true, out var grouping) && Enum.IsDefined(grouping) && !int.TryParse(text, out _)
            && (allowChannel || grouping != KpiGrouping.Channel))
        {
            return grouping;
        }

        problems.Add(new(field, allowChannel
            ? $"'{text}' is not a breakdown; use department, street, community, category or channel"
            : $"'{text}' is not an area level; use street or community"));
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult Invalid(IReadOnlyList<KeyValuePair<string, string>> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray()),
            title: "The request is not valid",
            detail: string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value}")));
}

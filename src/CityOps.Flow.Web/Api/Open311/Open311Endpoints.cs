using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Api.Clients;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 for citizens' apps under <see cref="BasePath"/>: services from the category catalogue,
/// requests filed through <see cref="CaseIntake"/>, and the district's cases as public service requests. The format is
/// the path suffix (<c>.json</c> or <c>.xml</c>); refusals use the spec's error list, not problem details.
/// </summary>
public static class Open311Endpoints
{
    public const string BasePath = "/open311/v2";

    /// <summary>The widest window <c>GET /requests</c> searches, and its default (the last 90 days).</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    public const int MaxResults = 1000;

    /// <summary>At most this many ids in one <c>service_request_id</c> list.</summary>
    public const int MaxIds = 200;

    public static WebApplication MapOpen311Api(this WebApplication app)
    {
        // The rate limiter partitions by the api_key, which POSTs carry in the form: read it first, asynchronously.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath) && context.Request.HasFormContentType,
            form => form.Use(async (context, next) =>
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
                await next(context);
            }));
        app.UseRateLimiter();

        var open311 = app.MapGroup(BasePath).WithTags("Open311").RequireRateLimiting(Open311ServiceCollectionExtensions.RateLimitPolicy)
            .DisableAntiforgery();
        var format = "{format:" + Open311Writer.FormatConstraint + "}";
        open311.MapGet($"/services.{format}", ListServices).WithName("Open311Services")
            .WithSummary("The services (category subclasses) a request can be filed under.");
        open311.MapGet($"/services/{{code}}.{format}", DefineService).WithName("Open311ServiceDefinition")
            .WithSummary("A service's attributes: the severity list.");
        open311.MapPost($"/requests.{format}", FileRequestAsync).WithName("Open311FileRequest")
            .WithSummary("Files a request (form-encoded, api_key required); answers with the case number.");
        open311.MapGet($"/requests.{format}", SearchRequestsAsync).WithName("Open311Requests")
            .WithSummary("The district's requests by id list, service, opening time (at most 90 days) and status; newest first, at most 1000.");
        open311.MapGet($"/requests/{{id}}.{format}", GetRequestAsync).WithName("Open311Request")
            .WithSummary("One request by its case number.");
        open311.MapGet($"/tokens/{{token}}.{format}", GetTokenAsync).WithName("Open311Token")
            .WithSummary("The request a token stands for; requests are answered at once, so a token is the case number itself.");
        return app;
    }

    private static IResult ListServices(string format, CategoryCatalog catalog) =>
        Open311Writer.List(format, "services", "service", Open311Services.List(catalog));

    private static IResult DefineService(string code, string format, CategoryCatalog catalog) =>
        catalog.Find(code) is { IsClass: false } category
            ? Open311Writer.Single(format, "service_definition", Open311Services.Definition(category))
            : Open311Refusal.NotFound($"service_code '{code}' is not a service").ToResult(format);

    private static async Task<IResult> FileRequestAsync(
        string format, HttpRequest request, ApiClientKeys keys, CaseIntake intake, CategoryCatalog catalog, TimeProvider clock)
    {
        if (!request.HasFormContentType)
        {
            return Open311Refusal.Invalid("the body must be application/x-www-form-urlencoded").ToResult(format);
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (keys.Identify(Open311Submission.Value(form, "api_key")) is not { } client)
        {
            return Open311Writer.Errors(format, StatusCodes.Status403Forbidden, "api_key is missing or not known");
        }

        var (report, refusal) = Open311Submission.Read(
            form, request.Headers[Open311Submission.IdempotencyHeader].ToString(), client, catalog, clock.GetUtcNow());
        if (report is null)
        {
            return refusal!.ToResult(format);
        }

        var outcome = await intake.ReceiveAsync(report, "open311:" + client, request.HttpContext.RequestAborted);
        if (outcome.Case is not { } stored)
        {
            return Open311Refusal.Invalid([.. outcome.Problems.Select(p => $"{ParameterOf(p.Field)}: {p.Message}")]).ToResult(format);
        }

        var receipt = Open311Requests.Receipt(stored, outcome.Kind, Open311Submission.Value(form, "account_id"));
        return Open311Writer.List(format, "service_requests", "request", [receipt],
            outcome.Kind == IntakeOutcomeKind.Opened ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Intake names report fields; the client app knows the form parameters it sent.</summary>
    private static string ParameterOf(string field) => field switch
    {
        "sourceId" => Open311Submission.IdempotencyHeader,
        "categoryCode" => "service_code",
        "severity" => "attribute[severity]",
        "reporter.name" => "first_name/last_name",
        "reporter.phone" => "phone",
        _ when field.StartsWith("photos", StringComparison.Ordinal) => "media_url",
        "location.address" => "address_string",
        _ when field.StartsWith("location", StringComparison.Ordinal) => "lat/long",
        _ => field,
    };

    private static async Task<IResult> SearchRequestsAsync(
        string format, HttpContext context, CaseRepository repository, CityAreasSource areas, CategoryCatalog catalog, TimeProvider clock)
    {
        var query = context.Request.Query;
        var ct = context.RequestAborted;
        var scope = (await areas.GetAsync(ct)).Everything;
        if (Parameter(query, "service_request_id") is { } ids)
        {
            var numbers = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (numbers.Count > MaxIds)
            {
                return Open311Refusal.Invalid($"service_request_id lists {numbers.Count} ids; at most {MaxIds} are allowed").ToResult(format);
            }

            var found = new List<CaseRecord>();
            foreach (var number in numbers)
            {
                if (await FindByNumberAsync(repository, number, scope, ct) is { } record)
                {
                    found.Add(record);
                }
            }

            return Requests(format, found, catalog);
        }

        var (criteria, wanted, refusal) = ReadCriteria(query, catalog, clock.GetUtcNow());
        if (refusal is not null)
        {
            return refusal.ToResult(format);
        }

        var results = new List<CaseRecord>();
        string? cursor = null;
        do
        {
            var page = await repository.SearchAsync(criteria!, scope, CaseRepository.MaxPageSize, cursor, ct);
            results.AddRange(page.Cases.Where(c => wanted!.Contains(Open311Requests.StatusOf(c.Status))));
            cursor = page.NextCursor;
        }
        while (cursor is not null && results.Count < MaxResults);

        return Requests(format, results.Take(MaxResults), catalog);
    }

    private static (CaseQuery? Query, IReadOnlySet<string>? Statuses, Open311Refusal? Refusal) ReadCriteria(
        IQueryCollection query, CategoryCatalog catalog, DateTimeOffset now)
    {
        var problems = new List<string>();
        var serviceCode = Parameter(query, "service_code");
        if (serviceCode is not null && catalog.Find(serviceCode) is not { IsClass: false })
        {
            return (null, null, Open311Refusal.NotFound($"service_code '{serviceCode}' is not a service"));
        }

        var start = ReadDate(query, "start_date", problems);
        var end = ReadDate(query, "end_date", problems);
        var to = end ?? (start is { } s ? s + MaxWindow : now);
        var from = start ?? to - MaxWindow;
        if (to < from)
        {
            problems.Add("end_date is before start_date");
        }
        else if (to - from > MaxWindow)
        {
            problems.Add($"start_date to end_date spans {(to - from).TotalDays:0.#} days; at most {MaxWindow.TotalDays} are allowed");
        }

        var statuses = new HashSet<string>(StringComparer.Ordinal) { Open311Requests.Open, Open311Requests.Closed };
        if (Parameter(query, "status") is { } status)
        {
            statuses = [.. status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())];
            if (statuses.FirstOrDefault(s => s is not (Open311Requests.Open or Open311Requests.Closed)) is { } unknown)
            {
                problems.Add($"status '{unknown}' is not open or closed");
            }
        }

        return problems.Count > 0
            ? (null, null, Open311Refusal.Invalid([.. problems]))
            : (new CaseQuery { CategoryCode = serviceCode, OpenedFrom = from, OpenedTo = to }, statuses, null);
    }

    private static DateTimeOffset? ReadDate(IQueryCollection query, string name, List<string> problems)
    {
        if (Parameter(query, name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        problems.Add($"{name} '{text}' is not a W3C date-time such as 2026-11-21T08:00:00+08:00");
        return null;
    }

    private static async Task<IResult> GetRequestAsync(
        string id, string format, HttpContext context, CaseRepository repository, CityAreasSource areas, CategoryCatalog catalog)
    {
        var scope = (await areas.GetAsync(context.RequestAborted)).Everything;
        return await FindByNumberAsync(repository, id, scope, context.RequestAborted) is { } record
            ? Requests(format, [record], catalog)
            : Open311Refusal.NotFound($"service_request_id '{id}' is not known").ToResult(format);
    }

    private static async Task<IResult> GetTokenAsync(
        string token, string format, HttpContext context, CaseRepository repository, CityAreasSource areas)
    {
        var scope = (await areas.GetAsync(context.RequestAborted)).Everything;
        return await FindByNumberAsync(repository, token, scope, context.RequestAborted) is { } record
            ? Open311Writer.List(format, "service_requests", "request",
                [new Open311Item([("service_request_id", record.Number), ("token", token)])])
            : Open311Refusal.NotFound($"token '{token}' is not known").ToResult(format);
    }

    private static IResult Requests(string format, IEnumerable<CaseRecord> records, CategoryCatalog catalog) =>
        Open311Writer.List(format, "service_requests", "request", records.Select(r => Open311Requests.Request(r, catalog)));

    /// <summary>A keyword equal to a case number matches that case exactly.</summary>
    private static async Task<CaseRecord?> FindByNumberAsync(CaseRepository repository, string number, DataScope scope, CancellationToken ct)
    {
        var page = await repository.SearchAsync(new CaseQuery { Keyword = number }, scope, 5, null, ct);
        return page.Cases.FirstOrDefault(c => c.Number == number);
    }

    private static string? Parameter(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } text ? text.Trim() : null;
}

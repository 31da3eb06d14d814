using System.Text.Json;
using System.Text.Json.Nodes;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Api.Alarms;

/// <summary>
/// <c>POST /api/alarms</c>: alarm ingestion for machines (IoT sensors, AI video alarm boxes). One alarm (a JSON object)
/// or a batch (a JSON array) in the intake report shape, channel <c>iot</c> or <c>video</c>, authenticated by the
/// client's <c>X-Api-Key</c> and limited per key. Every alarm is committed before the answer; a retried alarm (same
/// client, channel and source id) creates nothing and gets its first answer back. Refusals are RFC 9457 problem details.
/// </summary>
public static class AlarmEndpoints
{
    public const string Path = "/api/alarms";
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The properties an alarm must carry; <c>receivedAt</c> is always the host's clock.</summary>
    private static readonly string[] RequiredFields = ["channel", "sourceId", "categoryCode", "location"];

    public static IEndpointRouteBuilder MapAlarmApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Alarms")
            .WithName("ReceiveAlarms")
            .WithSummary("Machine alarms (IoT sensors, AI video): one alarm or a batch, each committed before the answer.")
            .WithDescription(
                "Send the client's key in the X-Api-Key header. The body is one alarm (a JSON object, answered 201 when it " +
                "opened a case, 200 when it joined the open case of the same category nearby) or a JSON array of at most " +
                "Alarms:MaxBatch alarms (answered 200 with one item per alarm, in order). An alarm is an intake report with " +
                "channel \"iot\" (details kind \"iot\": sensorId, metric, reading, threshold, unit) or \"video\" (details kind " +
                "\"video\": cameraId, algorithm, confidence), a sourceId unique per client and channel, a categoryCode, " +
                "location.point {latitude, longitude} or location.areaId, and optionally occurredAt, severity, description, photos. " +
                "Posting the same sourceId again creates nothing and answers as the first time, with replayed: true. " +
                "A batch with a bad alarm is refused whole (400, errors keyed \"[index].field\"); 401 for a missing or " +
                "unknown key; 429 with Retry-After when the client is over its requests per minute.")
            .Accepts<IntakeReport>("application/json")
            .Produces<AlarmAnswer>(StatusCodes.Status201Created)
            .Produces<AlarmAnswer>()
            .Produces<AlarmBatchAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, AlarmClients clients, CaseIntake intake, TimeProvider clock, IConfiguration configuration)
    {
        if (clients.Identify(request.Headers[KeyHeader].ToString()) is not { } client)
        {
            return Results.Problem(
                $"Send the client's API key in the {KeyHeader} header.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key missing or not known");
        }

        if (clients.TryAcquire(client) is { Allowed: false } overLimit)
        {
            request.HttpContext.Response.Headers.RetryAfter = AlarmClients.RetryAfterHeader(overLimit.RetryAfter);
            return Results.Problem(
                $"Client '{client}' may post {clients.PermitsPerMinute(client)} requests a minute; retry after the Retry-After delay (batches carry up to {MaxBatch(configuration)} alarms each).",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests for this API key");
        }

        var ct = request.HttpContext.RequestAborted;
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return Invalid([new IntakeProblem("$", $"the body is not JSON: {e.Message}")]);
        }

        var receivedAt = clock.GetUtcNow();
        switch (body)
        {
            case JsonObject single:
            {
                var (report, problems) = Read(single, client, receivedAt, "");
                if (report is null)
                {
                    return Invalid(problems);
                }

                var batch = await intake.ReceiveBatchAsync([report], client, ct);
                if (!batch.Accepted)
                {
                    return Invalid([.. batch.Problems.Select(p => p with { Field = p.Field["[0].".Length..] })]);
                }

                var answer = Answer(batch.Admitted[0], report, client);
                return answer.Outcome == "opened" ? Results.Created($"/api/cases/{answer.CaseId}", answer) : Results.Ok(answer);
            }

            case JsonArray many:
            {
                var max = MaxBatch(configuration);
                if (many.Count == 0 || many.Count > max)
                {
                    return Invalid([new IntakeProblem("$", $"a batch holds 1 to {max} alarms; this one holds {many.Count}")]);
                }

                var reports = new List<IntakeReport>(many.Count);
                var problems = new List<IntakeProblem>();
                var readable = new List<(int Index, IntakeReport Report)>();
                for (var i = 0; i < many.Count; i++)
                {
                    if (many[i] is not JsonObject fields)
                    {
                        problems.Add(new IntakeProblem($"[{i}]", "must be a JSON object (an alarm)"));
                        continue;
                    }

                    var (report, refused) = Read(fields, client, receivedAt, $"[{i}].");
                    problems.AddRange(refused);
                    if (report is not null)
                    {
                        reports.Add(report);
                        readable.Add((i, report));
                    }
                }

                if (problems.Count > 0)
                {
                    // The client learns everything wrong with the batch at once, not one round trip per kind of mistake.
                    foreach (var (index, report) in readable)
                    {
                        problems.AddRange(await intake.ValidateAsync(report, $"[{index}].", ct));
                    }

                    return Invalid([.. problems.OrderBy(p => IndexOf(p.Field))]);
                }

                var outcome = await intake.ReceiveBatchAsync(reports, client, ct);
                if (!outcome.Accepted)
                {
                    return Invalid(outcome.Problems);
                }

                var items = outcome.Admitted.Select((a, i) => Answer(a, reports[i], client)).ToList();
                return Results.Ok(new AlarmBatchAnswer(
                    items.Count,
                    items.Count(a => !a.Replayed && a.Outcome == "opened"),
                    items.Count(a => !a.Replayed && a.Outcome == "joined"),
                    items.Count(a => a.Replayed),
                    items));
            }

            default:
                return Invalid([new IntakeProblem("$", "the body must be an alarm (a JSON object) or a batch (a JSON array of alarms)")]);
        }
    }

    private static int IndexOf(string field) =>
        field.StartsWith('[') && field.IndexOf(']') is var end and > 1 && int.TryParse(field[1..end], out var index) ? index : -1;

    private static int MaxBatch(IConfiguration configuration) => configuration.GetValue("Alarms:MaxBatch", 1000);

    /// <summary>
    /// One alarm of the body as an intake report under the client's name (<c>client:sourceId</c>, so two vendors'
    /// source ids never collide), received now by the host's clock.
    /// </summary>
    private static (IntakeReport? Report, IReadOnlyList<IntakeProblem> Problems) Read(JsonObject fields, string client, DateTimeOffset receivedAt, string prefix)
    {
        var problems = RequiredFields.Where(name => fields[name] is null)
            .Select(name => new IntakeProblem(prefix + name, "is required"))
            .ToList();
        if (fields["channel"] is JsonValue channel && channel.GetValueKind() == JsonValueKind.String
            && channel.GetValue<string>() is not ("iot" or "video"))
        {
            problems.Add(new IntakeProblem(prefix + "channel", $"'{channel.GetValue<string>()}' is not a machine channel; use \"iot\" or \"video\""));
        }

        if (fields["sourceId"] is JsonValue source && source.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(new IntakeProblem(prefix + "sourceId", "must be a string"));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var copy = (JsonObject)fields.DeepClone();
        copy["receivedAt"] = receivedAt;
        IntakeReport? report;
        try
        {
            report = copy.Deserialize<IntakeReport>(JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
            return (null, [new IntakeProblem(prefix + field, e.InnerException?.Message ?? FirstSentence(e.Message))]);
        }

        if (report is null)
        {
            return (null, [new IntakeProblem(prefix.Length > 0 ? prefix.TrimEnd('.') : "$", "must be an alarm")]);
        }

        // An empty source id stays empty so validation names it; otherwise it is namespaced by the client.
        return (string.IsNullOrWhiteSpace(report.SourceId) ? report : report with { SourceId = $"{client}:{report.SourceId}" }, []);
    }

    private static AlarmAnswer Answer(AdmittedReport admitted, IntakeReport report, string client) => new(
        report.SourceId[(client.Length + 1)..],
        admitted.Decision == IntakeDecision.Opened ? "opened" : "joined",
        admitted.CaseId,
        admitted.CaseNumber,
        admitted.ClusterSize,
        admitted.Replayed);

    private static string FirstSentence(string message) =>
        message.IndexOf(". Path:", StringComparison.Ordinal) is var end and > 0 ? message[..end] : message;

    private static IResult Invalid(IReadOnlyList<IntakeProblem> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "The alarm is not valid",
            detail: string.Join("; ", problems));
}

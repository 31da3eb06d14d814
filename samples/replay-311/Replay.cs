using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Replay311;

/// <summary>
/// Replays MyLA311 requests through a running host's intake API (<c>POST /api/intake/reports</c>, signed in as an
/// intake operator): each request becomes a citizen-app report of its mapped category, placed in the demo district,
/// its time shifted so the replayed span ends now, and sent when its turn comes at the chosen speed-up.
/// </summary>
public sealed partial class Replay(HttpClient signedIn, RequestTypeMap map, TextWriter log)
{
    /// <summary>An HTTP client signed in to the host through its sign-in form, as a person's browser would be.</summary>
    public static async Task<HttpClient> SignInAsync(Uri host, string userName, string password, CancellationToken ct = default)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await http.GetStringAsync("/sign-in", ct);
        var token = AntiforgeryToken().Match(page) is { Success: true } found
            ? WebUtility.HtmlDecode(found.Groups["token"].Value)
            : throw new InvalidOperationException("the sign-in page carries no antiforgery token");
        var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Contains("Set-Cookie"))
        {
            throw new InvalidOperationException($"signing in as {userName} failed ({(int)response.StatusCode})");
        }

        return http;
    }

    /// <summary>
    /// Sends the requests in order, request <c>i</c> at (its creation − the first's) ÷ <paramref name="speedUp"/>
    /// after the start (or at once when the host is behind), and returns each answer.
    /// </summary>
    public async Task<IReadOnlyList<ReplayedReport>> RunAsync(IReadOnlyList<La311Request> requests, double speedUp, CancellationToken ct = default)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        var first = requests[0].CreatedAt;
        var shift = DateTimeOffset.UtcNow - requests[^1].CreatedAt;
        var clock = Stopwatch.StartNew();
        var replayed = new List<ReplayedReport>(requests.Count);
        foreach (var request in requests)
        {
            var due = (request.CreatedAt - first) / speedUp;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, ct);
            }

            replayed.Add(await SendAsync(request, request.CreatedAt + shift, ct));
            if (replayed.Count % 500 == 0)
            {
                log.WriteLine($"{replayed.Count} of {requests.Count} sent: {ReplayCounts.Of(replayed)}");
            }
        }

        return replayed;
    }

    private async Task<ReplayedReport> SendAsync(La311Request request, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var category = map.CategoryOf(request.RequestType);
        (double Latitude, double Longitude)? point = request is { Latitude: { } lat, Longitude: { } lon }
            ? DistrictProjection.Position(lat, lon)
            : null;
        object location = point is { } p
            ? new { point = new { latitude = p.Latitude, longitude = p.Longitude }, address = request.Address }
            : new { areaId = DistrictProjection.StreetOf(request.CouncilDistrict), address = request.Address };
        var report = new Dictionary<string, object?>
        {
            ["channel"] = "app",
            ["sourceId"] = "la311-" + request.SrNumber,
            ["categoryCode"] = category,
            ["description"] = $"{request.RequestType}: {request.Address}",
            ["location"] = location,
            ["occurredAt"] = occurredAt,
            ["details"] = new { kind = "app", serviceCode = category, deviceId = request.RequestSource },
        };

        using var response = await signedIn.PostAsJsonAsync("/api/intake/reports", report, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            using var answer = JsonDocument.Parse(text);
            return new ReplayedReport(request.SrNumber, category, point?.Latitude, point?.Longitude, occurredAt, (int)response.StatusCode,
                answer.RootElement.GetProperty("outcome").GetString(), answer.RootElement.GetProperty("caseId").GetString(), null);
        }

        log.WriteLine($"refused {request.SrNumber} ({(int)response.StatusCode}): {text}");
        return new ReplayedReport(request.SrNumber, category, point?.Latitude, point?.Longitude, occurredAt, (int)response.StatusCode, null, null, text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

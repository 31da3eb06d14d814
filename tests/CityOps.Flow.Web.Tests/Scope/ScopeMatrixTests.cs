using System.Net;
using System.Text;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CityOps.Flow.Web.Tests.Scope.ScopeExpectation;

namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>
/// The scope matrix over every route of the host: each route is either exempt (with the reason it holds no case data)
/// or probed by street-A users of every case-working role against street-B data; nothing of street B may come back,
/// phone numbers appear only masked, and every reveal is in the audit log.
/// </summary>
public sealed class ScopeMatrixTests : IAsyncLifetime
{
    /// <summary>Routes that show a reporter's full name and phone to the roles that may see them, each time audited.</summary>
    private static readonly string[] RevealRoutes = ["POST /api/cases/{id}/reporter/reveal", "POST /cases/{id}/reporter", "GET /cases/export.csv"];

    private static readonly string[] CaseScopesRoles = [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Supervisor];

    private static readonly string[] CountNames = ["caseCount", "casesOpened", "reports", "open", "overdue", "count", "of"];

    private ScopeWorld world = null!;

    public async Task InitializeAsync() => world = await ScopeWorld.CreateAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public void Every_route_of_the_host_is_in_the_scope_matrix_and_every_listed_route_exists()
    {
        var mapped = HostRoutes.Of(world.Host.Services);
        var listed = ScopeMatrix.Rules.Select(r => r.Route).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        var unlisted = mapped.Except(listed, StringComparer.Ordinal).ToList();
        var stale = listed.Except(mapped, StringComparer.Ordinal).ToList();
        Assert.True(unlisted.Count == 0,
            "Routes the scope matrix does not cover (add a probe or an exemption with its reason to Scope/ScopeMatrix.cs): " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Routes in the scope matrix the host no longer maps: " + string.Join(", ", stale));
        Assert.All(ScopeMatrix.Rules, r => Assert.True(r.ExemptBecause is { Length: > 0 } || r.Probe is not null, $"{r.Route} has neither a probe nor a reason"));
    }

    [Fact]
    public async Task A_street_A_user_gets_nothing_of_street_B_through_any_route_and_phones_stay_masked()
    {
        var failures = new List<string>();
        var revealsAnswered = 0;
        var auditLog = world.Host.Services.GetRequiredService<SqlAuditLog>();
        var revealsBefore = (await auditLog.ReadAsync(0, 100_000)).Count(e => e.Action == AuditAction.PersonalDataRevealed);
        var probed = ScopeMatrix.Rules.Where(r => r.Probe is not null).ToList();
        foreach (var rule in probed)
        {
            var notFound = 0;
            foreach (var user in world.StreetAUsers)
            {
                var response = await rule.Probe!(world, user);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var mayReveal = RevealRoutes.Contains(rule.Route) && CaseScopesRoles.Contains(user.Role);
                if (mayReveal && body.Contains(ScopeWorld.Phone, StringComparison.Ordinal))
                {
                    // The caller's own street's reporter, shown to a role that may see it: must be audited, checked below.
                    revealsAnswered++;
                    body = body.Replace(ScopeWorld.Phone, "", StringComparison.Ordinal);
                }

                var problem = Judge(rule.Expect, response.StatusCode, body, response.Headers.Location?.OriginalString, rule.Route);
                if (problem is not null)
                {
                    failures.Add($"{rule.Route} as {user}: {problem} (answered {status}: {Shorten(body)})");
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    notFound++;
                }
            }

            // The scope filter, not only a role check, must have refused someone: a role that may call the route got 404.
            if (rule.Expect == Hidden && notFound == 0)
            {
                failures.Add($"{rule.Route}: no street-A user got 404; every refusal was by role, so the scope filter was never exercised");
            }
        }

        // The leader's reassignment of case B ends its handling task: that control goes last.
        foreach (var rule in probed.Where(r => r.Control is not null).OrderBy(r => r.Route == "POST /api/cases/{id}/assignment"))
        {
            var response = await rule.Control!(world);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{rule.Route}: the control request by a district user failed with {(int)response.StatusCode}: {Shorten(body)}");
            }

            if (RevealRoutes.Contains(rule.Route))
            {
                revealsAnswered++;
                if (!body.Contains(ScopeWorld.Phone, StringComparison.Ordinal))
                {
                    failures.Add($"{rule.Route}: the permitted reveal did not show the phone number");
                }
            }
            else if (body.Contains(ScopeWorld.Phone, StringComparison.Ordinal))
            {
                failures.Add($"{rule.Route}: the unmasked phone number appears outside the audited reveal");
            }

            if (rule.Expect == NoCasesCounted && !CountsSomething(body))
            {
                failures.Add($"{rule.Route}: the control counted no case, so the probe proves nothing: {Shorten(body)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Every answer that showed a phone number has its audit entry (an export is audited even when it finds no one).
        var reveals = (await auditLog.ReadAsync(0, 100_000)).Where(e => e.Action == AuditAction.PersonalDataRevealed).Skip(revealsBefore).ToList();
        Assert.True(reveals.Count >= revealsAnswered, $"{revealsAnswered} answers showed a phone number, but only {reveals.Count} reveals are in the audit log");
        Assert.All(reveals, e => Assert.Contains(e.ActorRoles, r => CaseScopesRoles.Contains(r)));
        var revealsOfB = (await auditLog.ForSubjectAsync("case", world.CaseB)).Count(e => e.Action == AuditAction.PersonalDataRevealed);
        Assert.Equal(2, revealsOfB);
    }

    [Fact]
    public async Task A_reveal_by_a_role_that_may_not_see_phones_is_refused_and_writes_nothing()
    {
        var audit = world.Host.Services.GetRequiredService<SqlAuditLog>();
        var before = (await audit.ForSubjectAsync("case", world.CaseA)).Count;
        var answers = new List<(string Role, HttpStatusCode Status, string Body)>();
        foreach (var user in world.StreetAUsers)
        {
            var response = await user.Session.PostAsync($"/api/cases/{world.CaseA}/reporter/reveal");
            answers.Add((user.Role, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var permitted = new[] { CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Supervisor };
        Assert.All(answers.Where(a => permitted.Contains(a.Role)), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Contains(ScopeWorld.Phone, a.Body, StringComparison.Ordinal);
        });
        Assert.All(answers.Where(a => !permitted.Contains(a.Role)), a =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, a.Status);
            Assert.DoesNotContain(ScopeWorld.Phone, a.Body, StringComparison.Ordinal);
        });
        var written = (await audit.ForSubjectAsync("case", world.CaseA)).Skip(before).ToList();
        Assert.Equal(permitted.Length, written.Count(e => e.Action == AuditAction.PersonalDataRevealed));
        var shown = await world.Desk.Operator.GetJsonAsync($"/api/cases/{world.CaseA}");
        Assert.Equal("李** 138****5678", shown.GetProperty("reporter").GetString());
        Assert.True((await audit.VerifyAsync()).Intact);
    }

    /// <summary>Why the answer breaks the rule, or null when it keeps it.</summary>
    private string? Judge(ScopeExpectation expect, HttpStatusCode status, string body, string? location, string route)
    {
        if (body.Contains(ScopeWorld.Phone, StringComparison.Ordinal))
        {
            return "the unmasked phone number came back";
        }

        if (body.Contains(ScopeWorld.BDescription, StringComparison.Ordinal) || body.Contains(ScopeWorld.BAddress, StringComparison.Ordinal))
        {
            return expect == PublicWithoutPersonalData ? null : "street B's case text came back";
        }

        return expect switch
        {
            // A 404 may repeat the id the caller sent, as it does for an id that does not exist.
            Hidden => status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? null
                // The portal sends a role it refuses to its access-denied page instead of answering 403.
                : PortalRefusal(route, status) ? null
                : "expected 404",
            ListWithoutB => status == HttpStatusCode.Forbidden || PortalRefusal(route, status) ? null : status == HttpStatusCode.OK ? MentionsB(body) : "expected a list (200)",
            AnswerWithoutB => (int)status is >= 200 and < 300 or 403 ? null : "expected an answer (2xx) or 403",
            AdministratorsOnly => status == HttpStatusCode.Forbidden ? null : "expected 403: administrators only",
            NoCasesCounted => status == HttpStatusCode.Forbidden || PortalRefusal(route, status) ? null
                : status != HttpStatusCode.OK ? "expected figures (200)"
                : CountsSomething(body) ? "street B's cases were counted" : null,
            Refused => status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound ? null
                : (int)status is 302 or 303 && location?.Contains("refused", StringComparison.Ordinal) == true ? null
                : "expected a refusal",
            FormPostWithoutB => (int)status is >= 200 and < 300 && MentionsB(body) is { } mentioned ? mentioned : null,
            PublicWithoutPersonalData => status == HttpStatusCode.OK
                ? body.Contains(ScopeWorld.ReporterName, StringComparison.Ordinal) ? "the reporter's name came back" : null
                : "expected the public answer (200)",
            _ => $"no rule for {expect}",
        };
    }

    /// <summary>The portal sends a role a page refuses to its access-denied page (302) instead of answering 403.</summary>
    private static bool PortalRefusal(string route, HttpStatusCode status) =>
        !route.Contains(" /api/", StringComparison.Ordinal) && status == HttpStatusCode.Redirect;

    private string? MentionsB(string body) =>
        new[] { world.CaseB, world.CaseBNumber, world.CaseB2, world.CaseB2Number }.Any(b => body.Contains(b, StringComparison.Ordinal))
            ? "street B's case id or number came back"
            : null;

    /// <summary>Whether any count in the figures (case count, reports, open, overdue, a rate's denominator) is above zero.</summary>
    private static bool CountsSomething(string body)
    {
        static bool Walk(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => element.EnumerateObject().Any(p =>
                (CountNames.Contains(p.Name) && p.Value.ValueKind == System.Text.Json.JsonValueKind.Number && p.Value.GetDouble() > 0) || Walk(p.Value)),
            System.Text.Json.JsonValueKind.Array => element.EnumerateArray().Any(Walk),
            _ => false,
        };

        try
        {
            return Walk(System.Text.Json.JsonDocument.Parse(body).RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}

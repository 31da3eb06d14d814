using System.Net;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Lifecycle;

/// <summary>The adjustable clock of a test host: configured, moved over HTTP, and refused where it must not exist.</summary>
public sealed class TestClockTests : IAsyncLifetime
{
    // Monday 2 March 2026, 09:00 in Shanghai: a working morning on the district calendar.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly PortalHost host = new(settings: new Dictionary<string, string?>
    {
        ["CityOps:Clock:Adjustable"] = "true",
        ["CityOps:Clock:Start"] = Start.ToString("O"),
        ["Workflows:PollInterval"] = "00:00:30",
    });

    private ApiSession admin = null!;

    public async Task InitializeAsync() => admin = await ApiSession.SignInAsync(host, "admin", "Admin#2026");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_clock_starts_at_the_configured_instant_and_moves_forward_only()
    {
        var read = await admin.GetJsonAsync("/api/testing/clock");
        var moved = await ApiSession.ExpectAsync(await admin.PostAsync("/api/testing/clock", new { advanceBy = "PT90M" }), HttpStatusCode.OK);
        var back = await admin.PostAsync("/api/testing/clock", new { setTo = Start });
        var twoAtOnce = await admin.PostAsync("/api/testing/clock", new { advanceBy = "PT1H", advanceWorking = "PT1H" });
        var garbled = await admin.PostAsync("/api/testing/clock", new { advanceBy = "an hour" });

        Assert.Equal(Start, read.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(90), moved.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Contains("never runs backwards", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoAtOnce.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("advanceBy", await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Working_time_skips_the_evening_and_night()
    {
        // 16:00 on Monday; four working hours later is Tuesday morning, not Monday 20:00.
        await ApiSession.ExpectAsync(await admin.PostAsync("/api/testing/clock", new { setTo = Start.AddHours(7) }), HttpStatusCode.OK);

        var moved = await ApiSession.ExpectAsync(await admin.PostAsync("/api/testing/clock", new { advanceWorking = "PT4H" }), HttpStatusCode.OK);

        var now = moved.GetProperty("now").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new DateOnly(2026, 3, 3), DateOnly.FromDateTime(now.DateTime));
        Assert.InRange(now.Hour, 9, 12);
    }

    [Fact]
    public async Task Moving_past_a_due_time_fires_the_case_timers_before_the_answer()
    {
        var operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");
        var report = CaseApiClient.LampReport("app-clock", 31.052, 121.579);
        report["occurredAt"] = Start.AddMinutes(-10);
        var filed = await operatorApi.FileAsync(report, HttpStatusCode.Created);
        var instanceId = filed.GetProperty("case").GetProperty("processInstanceId").GetString();
        var openedAt = filed.GetProperty("case").GetProperty("openedAt").GetDateTimeOffset();

        var moved = await ApiSession.ExpectAsync(await admin.PostAsync("/api/testing/clock", new { advanceBy = "P30D" }), HttpStatusCode.OK);

        // The move fires the timers itself, or waits for the host's executor it woke to fire them: the count says
        // which did, so only the outcome is asserted.
        Assert.Equal(Start, openedAt);
        Assert.False(moved.GetProperty("dueJobsLeft").GetBoolean(), moved.ToString());
        var instance = await admin.GetJsonAsync($"/api/workflows/instances/{instanceId}");
        Assert.Equal("overdue", instance.GetProperty("variables").GetProperty("warningTier").GetString());
    }

    [Fact]
    public async Task Only_administrators_read_or_move_the_clock()
    {
        var handler = await ApiSession.SignInAsync(host, "handler", "Handler#2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/testing/clock")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync("/api/testing/clock", new { advanceBy = "P1D" })).StatusCode);
        Assert.Equal(Start, (await admin.GetJsonAsync("/api/testing/clock")).GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_host_without_the_setting_has_no_clock_route_and_keeps_real_time()
    {
        await using var plain = new PortalHost();
        var plainAdmin = await ApiSession.SignInAsync(plain, "admin", "Admin#2026");

        var response = await plainAdmin.PostAsync("/api/testing/clock", new { advanceBy = "P1D" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.InRange(plain.Services.GetRequiredService<TimeProvider>().GetUtcNow(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_an_adjustable_clock_in_production()
    {
        await using var production = new PortalHost(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["CityOps:Clock:Adjustable"] = "true",
        });

        var refused = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("CityOps:Clock:Adjustable", Flatten(refused), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}

using System.Text.Json;
using CityOps.Flow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Session_started_before_a_restart_is_still_valid_after_it()
    {
        var dataDirectory = PortalHost.NewDataDirectory();
        string sessionCookie;
        await using (var first = new PortalHost(dataDirectory))
        {
            var response = await new PortalClient(first).SignInAsync("operator", "Operator#2026");
            sessionCookie = response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(PortalClient.AuthCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using (var second = new PortalHost(dataDirectory))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Add("Cookie", sessionCookie);
            var response = await second.CreateClient().SendAsync(request);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(Directory.EnumerateFiles(Path.Combine(dataDirectory, "keys"), "key-*.xml").Any());
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Restart_keeps_the_data_and_applies_no_migration_again()
    {
        var dataDirectory = PortalHost.NewDataDirectory();
        await using (var first = new PortalHost(dataDirectory))
        {
            var client = new PortalClient(first);
            await client.SignInAsync("admin", "Admin#2026");
            await client.SwitchLanguageAsync("en", "/");

            Assert.NotEmpty(first.Startup.Migrations!.Applied);
            Assert.True(first.Startup.DemoOrganisationSeeded);
        }

        await using (var second = new PortalHost(dataDirectory))
        {
            await AssertSecondStartAsync(second);
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task AssertSecondStartAsync(PortalHost second)
    {
        var again = new PortalClient(second);
        await again.SignInAsync("admin", "Admin#2026");
        using var me = JsonDocument.Parse(await again.Http.GetStringAsync("/api/me"));

        Assert.Equal("en", me.RootElement.GetProperty("language").GetString());
        Assert.Empty(second.Startup.Migrations!.Applied);
        Assert.NotEmpty(second.Startup.Migrations.AlreadyApplied);
        Assert.False(second.Startup.DemoOrganisationSeeded);
        Assert.Contains(second.Log, line => line.Contains("none applied now", StringComparison.Ordinal));
        Assert.Contains(second.Log, line => line.Contains("not seeded again", StringComparison.Ordinal));
        Assert.Equal(7, await second.Services.GetRequiredService<UserRepository>().CountAsync());
    }
}

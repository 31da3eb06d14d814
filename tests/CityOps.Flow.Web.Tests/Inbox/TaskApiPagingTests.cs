using System.Net;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Inbox;

/// <summary><c>GET /api/tasks</c> over the real host: paging with its total and links, sorting and refused filters.</summary>
public sealed class TaskApiPagingTests : IAsyncLifetime
{
    // Three streets of the demo district, far enough apart that the reports are not clustered into one case.
    private static readonly (double Latitude, double Longitude)[] Places = [(31.052, 121.579), (31.0832, 121.5668), (31.02, 121.62)];

    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private readonly List<string> numbers = [];

    public async Task InitializeAsync()
    {
        var operatorApi = await CaseApiClient.SignInAsync(host, "operator", "Operator#2026");
        for (var i = 0; i < Places.Length; i++)
        {
            // A critical report waits for a dispatcher to file it.
            var report = CaseApiClient.LampReport($"app-paging-{i}", Places[i].Latitude, Places[i].Longitude);
            report["severity"] = "critical";
            var answer = await operatorApi.FileAsync(report, HttpStatusCode.Created);
            numbers.Add(answer.GetProperty("case").GetProperty("number").GetString()!);
        }
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Tasks_come_in_pages_with_the_total_and_a_link_to_the_next_page()
    {
        var dispatcher = await InboxSession.SignInAsync(host, "dispatcher", "Dispatcher#2026");

        var first = await dispatcher.Http.GetAsync("/api/tasks?limit=2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("3", Assert.Single(first.Headers.GetValues("X-Total-Count")));
        var link = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Contains("offset=2", link);
        Assert.Contains("rel=\"next\"", link);
        var firstPage = (await dispatcher.JsonAsync("/api/tasks?limit=2")).EnumerateArray().Select(t => t.GetProperty("caseNumber").GetString()).ToList();
        var secondPage = (await dispatcher.JsonAsync("/api/tasks?limit=2&offset=2")).EnumerateArray().Select(t => t.GetProperty("caseNumber").GetString()).ToList();
        Assert.Equal(2, firstPage.Count);
        Assert.Single(secondPage);
        Assert.Equal(numbers.Order(), firstPage.Concat(secondPage).Order());
        var task = (await dispatcher.JsonAsync("/api/tasks?limit=1")).EnumerateArray().Single();
        Assert.Equal("FileCase", task.GetProperty("elementId").GetString());
        Assert.Equal("None", task.GetProperty("dueState").GetString());
        Assert.Equal("0109", task.GetProperty("categoryCode").GetString());
    }

    [Fact]
    public async Task Tasks_sort_newest_first_and_filter_by_category_and_due_state()
    {
        var dispatcher = await InboxSession.SignInAsync(host, "dispatcher", "Dispatcher#2026");

        var newest = (await dispatcher.JsonAsync("/api/tasks?sort=newest")).EnumerateArray().Select(t => t.GetProperty("caseNumber").GetString());
        var oldest = (await dispatcher.JsonAsync("/api/tasks?sort=oldest")).EnumerateArray().Select(t => t.GetProperty("caseNumber").GetString());

        Assert.Equal(Enumerable.Reverse(numbers), newest);
        Assert.Equal(numbers, oldest);
        Assert.Equal(3, (await dispatcher.JsonAsync("/api/tasks?category=01")).GetArrayLength());
        Assert.Equal(0, (await dispatcher.JsonAsync("/api/tasks?category=02")).GetArrayLength());
        Assert.Equal(0, (await dispatcher.JsonAsync("/api/tasks?dueState=Overdue")).GetArrayLength());
        Assert.Equal(3, (await dispatcher.JsonAsync("/api/tasks?dueState=none")).GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_filter_is_refused_naming_it()
    {
        var dispatcher = await InboxSession.SignInAsync(host, "dispatcher", "Dispatcher#2026");

        var response = await dispatcher.Http.GetAsync("/api/tasks?dueState=late&limit=0&sort=alphabet");

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("dueState", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("sort", out _));
    }
}

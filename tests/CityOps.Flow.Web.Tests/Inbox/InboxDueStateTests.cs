using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Hosting;
using CityOps.Flow.Web.Tests.Supervision;
using static CityOps.Flow.Web.Tests.Supervision.SupervisedDistrict;

namespace CityOps.Flow.Web.Tests.Inbox;

/// <summary>
/// The due state a handler's inbox shows comes from the shipped lifecycle: the task carries its due date and, as its
/// follow-up date, the moment 75 % of the limit's working time is used. Both are measured in working time when the
/// task is created; the inbox compares them with the clock, which the test moves.
/// </summary>
public sealed class InboxDueStateTests : IAsyncLifetime
{
    private readonly SupervisedDistrict district = OnSqlite();
    private FiledCase filed = null!;
    private PortalClient handler = null!;

    public async Task InitializeAsync()
    {
        filed = await district.FileLampAsync(await district.SignInAsync("operator", "Operator#2026"), "inbox-due", StreetA);
        await district.CreateUserAsync("lamp-handler", CityRoles.Handler, StreetAId, filed.LeadDepartment);
        handler = await district.BrowseAsync("lamp-handler");
    }

    public async Task DisposeAsync() => await district.DisposeAsync();

    [Fact]
    public async Task A_task_turns_near_due_when_three_quarters_of_its_working_time_is_used_and_overdue_at_its_due_time()
    {
        // P2D from Monday 09:00 falls due on Wednesday at 17:30: 21 working hours (09:00–12:00 and 13:30–17:30 each
        // day), three quarters of which are used on Wednesday at 10:45. Nights and the lunch break do not count.
        Assert.Equal(Monday.AddDays(2).AddHours(8.5), filed.DueAt);
        Assert.Equal(("OnTime", 1, 0, 0), await InboxAsync());

        await district.MoveToAsync(Monday.AddDays(2).AddHours(1).AddMinutes(44));
        Assert.Equal(("OnTime", 1, 0, 0), await InboxAsync());

        await district.MoveToAsync(Monday.AddDays(2).AddHours(1).AddMinutes(45));
        Assert.Equal(("NearDue", 0, 1, 0), await InboxAsync());
        var chosen = await handler.GetPageAsync("/inbox?due=NearDue");
        Assert.Equal(filed.Number, Assert.Single(chosen.QuerySelectorAll("#inbox-rows [data-task]")).GetAttribute("data-case-number"));
        Assert.Empty((await handler.GetPageAsync("/inbox?due=OnTime")).QuerySelectorAll("#inbox-rows [data-task]"));

        await district.MoveToAsync(Monday.AddDays(2).AddHours(8.5));
        Assert.Equal(("Overdue", 0, 0, 1), await InboxAsync());
    }

    /// <summary>The row's due state and the counts the due-state filter offers.</summary>
    private async Task<(string Row, int OnTime, int NearDue, int Overdue)> InboxAsync()
    {
        var page = await handler.GetPageAsync("/inbox");
        var row = Assert.Single(page.QuerySelectorAll("#inbox-rows [data-task]"));
        int Count(string state) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(page.QuerySelector($"#filter-due option[value={state}]")!.TextContent, @"\((\d+)\)").Groups[1].Value);
        return (row.QuerySelector("[data-due-state]")!.GetAttribute("data-due-state")!, Count("OnTime"), Count("NearDue"), Count("Overdue"));
    }
}

using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Web.Portal.Inbox;

namespace CityOps.Flow.Web.Tests.Rendering.Inbox;

public sealed class InboxRenderingTests
{
    [Theory]
    [InlineData(DueState.OnTime, "zh-CN", "正常", "bg-green")]
    [InlineData(DueState.NearDue, "zh-CN", "临期", "bg-orange")]
    [InlineData(DueState.Overdue, "zh-CN", "超期", "bg-red")]
    [InlineData(DueState.None, "zh-CN", "无时限", "bg-secondary-lt")]
    [InlineData(DueState.OnTime, "en", "On time", "bg-green")]
    [InlineData(DueState.NearDue, "en", "Near due", "bg-orange")]
    [InlineData(DueState.Overdue, "en", "Overdue", "bg-red")]
    [InlineData(DueState.None, "en", "No limit", "bg-secondary-lt")]
    public async Task Due_state_badge_names_the_state_in_the_readers_language_and_colours_it(DueState state, string culture, string text, string colour)
    {
        var page = await new ComponentRenderer { Culture = culture }.RenderAsync<DueStateBadge>(
            new Dictionary<string, object?> { [nameof(DueStateBadge.State)] = state });

        var badge = page.QuerySelector("[data-due-state]")!;
        Assert.Equal(state.ToString(), badge.GetAttribute("data-due-state"));
        Assert.Equal(text, badge.TextContent.Trim());
        Assert.Contains(colour, badge.ClassList);
    }

    [Theory]
    [InlineData("zh-CN", "PJ-20261121-000042 · 主办处置", "待签收", "签收", "超期", "紧急")]
    [InlineData("en", "PJ-20261121-000042 · Handle as lead", "Not claimed", "Claim", "Overdue", "Urgent")]
    public async Task Inbox_row_shows_the_case_the_task_its_due_state_and_offers_a_claim_when_nobody_holds_it(
        string culture, string title, string holder, string claim, string due, string priority)
    {
        var page = await RenderRowAsync(Row() with { DueState = DueState.Overdue, PriorityLevel = 1 }, culture);

        var row = page.QuerySelector("[data-task]")!;
        Assert.Equal("PJ-20261121-000042", row.GetAttribute("data-case-number"));
        Assert.Equal(title, row.QuerySelector("[data-role=open-task]")!.TextContent.Trim());
        Assert.Equal($"/inbox/{TaskId}", row.QuerySelector("[data-role=open-task]")!.GetAttribute("href"));
        Assert.Equal(due, row.QuerySelector("[data-due-state]")!.TextContent.Trim());
        Assert.Equal(priority, row.QuerySelector("[data-priority]")!.TextContent.Trim());
        Assert.Contains("路灯", row.QuerySelector("[data-role=case-line]")!.TextContent);
        Assert.Contains("江月社区", row.QuerySelector("[data-role=case-line]")!.TextContent);
        Assert.Contains("2026-11-23 17:30", row.QuerySelector("[data-role=due-at]")!.TextContent);
        Assert.Equal(holder, row.QuerySelector("[data-role=holder]")!.TextContent.Trim());
        var form = row.QuerySelector("form")!;
        Assert.Equal($"/inbox/tasks/{TaskId}/claim", form.GetAttribute("action"));
        Assert.Equal("/inbox?due=Overdue", form.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.Equal(ComponentRenderer.AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal(claim, form.QuerySelector("[data-role=claim]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Inbox_row_held_by_the_reader_offers_to_release_it()
    {
        var page = await RenderRowAsync(Row() with { HeldByMe = true }, "zh-CN");

        Assert.Equal("我已签收", page.QuerySelector("[data-role=holder]")!.TextContent.Trim());
        Assert.Equal($"/inbox/tasks/{TaskId}/unclaim", page.QuerySelector("form")!.GetAttribute("action"));
        Assert.Equal("放回", page.QuerySelector("[data-role=unclaim]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-role=claim]"));
    }

    [Fact]
    public async Task Inbox_row_held_by_a_colleague_names_them_and_offers_no_claim()
    {
        var page = await RenderRowAsync(Row() with { Holder = "张伟" }, "en");

        Assert.Equal("Held by 张伟", page.QuerySelector("[data-role=holder]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("form"));
        Assert.NotNull(page.QuerySelector("[data-role=open]"));
    }

    [Fact]
    public async Task Inbox_rows_page_forward_and_back_keeping_the_filters_and_poll_for_new_tasks()
    {
        var rows = Enumerable.Range(0, 25).Select(i => Row() with { TaskId = Guid.NewGuid(), CaseNumber = $"PJ-20261121-{i:000000}" }).ToList();

        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<InboxRows>(new Dictionary<string, object?>
        {
            [nameof(InboxRows.Rows)] = rows,
            [nameof(InboxRows.Total)] = 60,
            [nameof(InboxRows.Everything)] = 80,
            [nameof(InboxRows.Offset)] = 25,
            [nameof(InboxRows.Limit)] = 25,
            [nameof(InboxRows.Filters)] = "?due=NearDue",
        });

        var list = page.QuerySelector("#inbox-rows")!;
        Assert.Equal(25, list.QuerySelectorAll("[data-task]").Length);
        Assert.Equal("/inbox/rows?due=NearDue&offset=25", list.GetAttribute("hx-get"));
        Assert.StartsWith("every ", list.GetAttribute("hx-trigger"));
        Assert.Equal("26–50 of 60", page.QuerySelector("[data-role=page-range]")!.TextContent.Trim());
        Assert.Equal("/inbox?due=NearDue", page.QuerySelector("[data-role=previous-page]")!.GetAttribute("href"));
        Assert.Equal("/inbox?due=NearDue&offset=50", page.QuerySelector("[data-role=next-page]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(0, "没有待办任务。新任务到达时会自动出现在这里。")]
    [InlineData(3, "没有符合筛选条件的任务。")]
    public async Task An_empty_inbox_says_whether_there_is_no_work_or_only_none_matching_the_filters(int everything, string message)
    {
        var page = await new ComponentRenderer().RenderAsync<InboxRows>(new Dictionary<string, object?>
        {
            [nameof(InboxRows.Rows)] = Array.Empty<InboxRowView>(),
            [nameof(InboxRows.Everything)] = everything,
        });

        Assert.Equal(message, page.QuerySelector("[data-role=inbox-empty]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-role=next-page]"));
    }

    [Fact]
    public async Task An_action_form_that_failed_keeps_what_was_typed_and_says_what_to_fix_next_to_the_field()
    {
        var page = await new ComponentRenderer().RenderAsync<TaskActionPanel>(new Dictionary<string, object?>
        {
            [nameof(TaskActionPanel.Actions)] = new[] { "extension", "complete" },
            [nameof(TaskActionPanel.ActiveAction)] = "extension",
            [nameof(TaskActionPanel.Input)] = new TaskActionInput { Reason = "需要采购灯具" },
            [nameof(TaskActionPanel.Problems)] = new Dictionary<string, string[]> { ["limit"] = ["is required"] },
        });

        var extension = page.QuerySelector("[data-action-form=extension]")!;
        Assert.Equal("需要采购灯具", extension.QuerySelector("textarea[name=reason]")!.TextContent);
        Assert.Contains("is-invalid", extension.QuerySelector("select[name=limit]")!.ClassList);
        Assert.Equal("请选择延长的时限。", extension.QuerySelector("[data-problem=limit]")!.TextContent.Trim());
        Assert.Null(extension.QuerySelector("[data-problem=reason]"));
        var complete = page.QuerySelector("[data-action-form=complete]")!;
        Assert.Empty(complete.QuerySelectorAll("[data-problem]"));
        Assert.Equal("", complete.QuerySelector("textarea[name=result]")!.TextContent);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Every_kind_of_case_event_has_a_name_in_the_history(string culture)
    {
        var at = new DateTime(2026, 11, 21, 9, 0, 0);
        var events = Enum.GetValues<CaseEventKind>().Select(kind => (at, new CaseEvent(kind, DateTimeOffset.UnixEpoch, "李强", "备注"))).ToList();

        var page = await new ComponentRenderer { Culture = culture }.RenderAsync<CaseHistoryList>(
            new Dictionary<string, object?> { [nameof(CaseHistoryList.Events)] = events });

        var names = page.QuerySelectorAll("[data-event] strong").Select(name => name.TextContent.Trim()).ToList();
        Assert.Equal(events.Count, names.Count);
        Assert.DoesNotContain(names, name => name.StartsWith("Event.", StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static readonly Guid TaskId = Guid.Parse("6a1f0c9e-33c2-4f7b-9a55-0d1e2f3a4b5c");

    private static InboxRowView Row() => new()
    {
        TaskId = TaskId,
        CaseId = "case-42",
        CaseNumber = "PJ-20261121-000042",
        ElementId = "HandleCase",
        Status = CaseStatus.Dispatched,
        CategoryName = "路灯",
        AreaName = "江月社区",
        Address = "浦江路 100 号",
        Description = "路灯不亮，晚上很黑",
        DueState = DueState.OnTime,
        DueLocal = new DateTime(2026, 11, 23, 17, 30, 0),
        PriorityLevel = 3,
        ArrivedLocal = new DateTime(2026, 11, 21, 9, 15, 0),
    };

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderRowAsync(InboxRowView row, string culture) =>
        await new ComponentRenderer { Culture = culture }.RenderAsync<InboxRow>(new Dictionary<string, object?>
        {
            [nameof(InboxRow.Row)] = row,
            [nameof(InboxRow.ReturnUrl)] = "/inbox?due=Overdue",
        });
}

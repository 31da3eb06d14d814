using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Web.Api.Supervision;
using CityOps.Flow.Web.Portal.Supervision;
using Microsoft.AspNetCore.Components.Forms.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Rendering.Supervision;

/// <summary>The supervision board component rendered as the server renders it, and read as a browser would.</summary>
public sealed class SupervisionBoardRenderingTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");
    private static readonly DateTimeOffset Now = new(2026, 11, 19, 10, 0, 0, TimeSpan.FromHours(8));

    private static WatchedCase Case(string number, DueState state, long minutesLeft, string street = "310199001", int notices = 0) => new()
    {
        CaseId = "c-" + number,
        Number = number,
        CategoryCode = "0109",
        Status = "Handling",
        Description = "路灯不亮",
        StreetId = street,
        StreetName = street == "310199001" ? "浦江街道" : "东明路街道",
        DepartmentId = "dept-power",
        DepartmentName = "区电力公司",
        IsKeyCase = false,
        LimitStart = Now.AddDays(-3),
        DueAt = Now.AddMinutes(minutesLeft),
        DueState = state,
        WorkingMinutesLeft = minutesLeft,
        WarningTier = state == DueState.Overdue ? WarningTier.Overdue : WarningTier.Red,
        HighestNoticeTier = notices > 0 ? WarningTier.Overdue : WarningTier.None,
        NoticeCount = notices,
    };

    private static SupervisionBoard Board(BoardFilter? filter = null, IReadOnlyList<ExtensionRequest>? extensions = null) => new()
    {
        Now = Now,
        Filter = filter ?? BoardFilter.None,
        NearDue = 1,
        Overdue = 1,
        ByDepartment = [new DueCount("dept-power", "区电力公司", 1, 1)],
        ByStreet = [new DueCount("310199001", "浦江街道", 0, 1), new DueCount("310199002", "东明路街道", 1, 0)],
        Cases = [Case("PJ-20261116-000001", DueState.Overdue, -60, notices: 2), Case("PJ-20261116-000002", DueState.NearDue, 210, "310199002")],
        Escalations =
        [
            new NoticeView(7, "c-PJ-20261116-000001", "PJ-20261116-000001", WarningTier.Overdue, Now.AddHours(-1), "system", null, "dept-power", "区电力公司",
                "系统督办，已通知承办人、科室负责人、部门领导、区领导", ["handler", "section chief", "department leader", "district leader"]),
            new NoticeView(8, "c-PJ-20261116-000001", "PJ-20261116-000001", WarningTier.None, Now.AddHours(-2), "u-sup", "督查员", "dept-power", "区电力公司",
                "请今天修复路灯", []),
        ],
        Extensions = extensions ?? [],
    };

    private static Dictionary<string, object?> Parameters(SupervisionBoard board, bool canIssue = true, bool canDecide = true, NoticeInput? input = null, Dictionary<string, string>? errors = null) => new()
    {
        [nameof(SupervisionBoardView.Board)] = board,
        [nameof(SupervisionBoardView.TimeZone)] = China,
        [nameof(SupervisionBoardView.CanIssue)] = canIssue,
        [nameof(SupervisionBoardView.CanDecide)] = canDecide,
        [nameof(SupervisionBoardView.NoticeInput)] = input ?? new NoticeInput(),
        [nameof(SupervisionBoardView.NoticeErrors)] = errors ?? new Dictionary<string, string>(),
    };

    [Fact]
    public async Task Each_case_shows_its_due_state_badge_and_working_time_left_or_over()
    {
        var page = await new ComponentRenderer().RenderAsync<SupervisionBoardView>(Parameters(Board()));

        var overdue = page.QuerySelector("tr[data-case='PJ-20261116-000001']")!;
        Assert.Equal("超期", overdue.QuerySelector("[data-due-state=Overdue]")!.TextContent);
        Assert.Contains("bg-red", overdue.QuerySelector("[data-due-state]")!.ClassName);
        Assert.Equal("超时 1 小时 0 分", overdue.QuerySelector("[data-role=time-left]")!.TextContent);
        Assert.Equal("已督办 2 次", overdue.QuerySelector("[data-role=notice-count]")!.TextContent);
        Assert.Equal("超期督办", overdue.QuerySelector("[data-warning-tier]")!.TextContent);
        var nearDue = page.QuerySelector("tr[data-case='PJ-20261116-000002']")!;
        Assert.Equal("临期", nearDue.QuerySelector("[data-due-state=NearDue]")!.TextContent);
        Assert.Equal("剩余 3 小时 30 分", nearDue.QuerySelector("[data-role=time-left]")!.TextContent);
        Assert.Equal("红色预警", nearDue.QuerySelector("[data-warning-tier=Red]")!.TextContent);
        Assert.Equal("11-19 09:00", overdue.QuerySelectorAll("td")[4].TextContent);
    }

    [Fact]
    public async Task An_automatic_notice_names_whom_it_told_and_a_persons_notice_reads_as_written()
    {
        var page = await new ComponentRenderer().RenderAsync<SupervisionBoardView>(Parameters(Board()));

        var notices = page.QuerySelectorAll("[data-role=escalations] [data-notice]");
        Assert.Equal("系统督办，已通知承办人、科室负责人、部门领导、区领导", notices[0].QuerySelector("[data-role=notice-text]")!.TextContent);
        Assert.Equal("超期督办", notices[0].QuerySelector("[data-warning-tier]")!.TextContent);
        Assert.Equal("请今天修复路灯", notices[1].QuerySelector("[data-role=notice-text]")!.TextContent);
        Assert.Equal("督办", notices[1].QuerySelector("[data-warning-tier]")!.TextContent);
    }

    [Fact]
    public async Task Counts_by_street_and_department_link_to_their_drill_down()
    {
        var page = await new ComponentRenderer().RenderAsync<SupervisionBoardView>(Parameters(Board()));

        var dongming = page.QuerySelector("[data-role=by-street] tr[data-group='310199002']")!;
        Assert.Equal("/supervision?street=310199002", dongming.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", dongming.QuerySelector("[data-role=near-due]")!.TextContent);
        Assert.Equal("/supervision?department=dept-power", page.QuerySelector("[data-role=by-department] a")!.GetAttribute("href"));
        Assert.Equal("/supervision?state=overdue", page.QuerySelector("a[data-count=overdue]")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#supervision-board")!.GetAttribute("hx-boost"));
        Assert.Equal("#supervision-board", page.QuerySelector("#supervision-board")!.GetAttribute("hx-select"));
    }

    [Fact]
    public async Task A_filtered_board_says_what_it_shows_and_offers_the_way_back()
    {
        var page = await new ComponentRenderer().RenderAsync<SupervisionBoardView>(Parameters(Board(new BoardFilter(StreetId: "310199002", State: DueState.NearDue))));

        Assert.Equal("已筛选：东明路街道 · 临期", page.QuerySelector("[data-role=filter]")!.TextContent);
        Assert.Equal("/supervision", page.QuerySelector("[data-role=clear-filter]")!.GetAttribute("href"));
        Assert.Contains("table-active", page.QuerySelector("[data-role=by-street] tr[data-group='310199002']")!.ClassName);
    }

    [Fact]
    public async Task A_refused_notice_form_keeps_what_was_typed_and_says_what_to_fix_next_to_the_field()
    {
        var input = new NoticeInput { CaseNumber = "PJ-20261116-000009", Message = "请尽快处理" };
        var errors = new Dictionary<string, string> { ["CaseNumber"] = "找不到您权限范围内的工单 PJ-20261116-000009。" };

        var page = await new ComponentRenderer().RenderAsync<SupervisionBoardView>(Parameters(Board(), input: input, errors: errors));

        var form = page.QuerySelector("form[data-role=notice-form]")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(ComponentRenderer.AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal("PJ-20261116-000009", form.QuerySelector("input[name='Notice.CaseNumber']")!.GetAttribute("value"));
        Assert.Contains("is-invalid", form.QuerySelector("input[name='Notice.CaseNumber']")!.ClassName);
        Assert.Equal("请尽快处理", form.QuerySelector("textarea[name='Notice.Message']")!.TextContent);
        Assert.Equal(errors["CaseNumber"], form.QuerySelector("[data-error=CaseNumber]")!.TextContent);
        Assert.Null(form.QuerySelector("[data-error=Message]"));
        Assert.Equal(2, page.QuerySelectorAll("#notice-case-numbers option").Length);
    }

    [Fact]
    public async Task Extension_requests_offer_approve_and_deny_to_supervisors_only()
    {
        var request = new ExtensionRequest
        {
            TaskId = Guid.NewGuid(),
            CaseId = "c-1",
            CaseNumber = "PJ-20261116-000003",
            DepartmentName = "区电力公司",
            Limit = "P2D",
            Reason = "需采购灯具",
            RequestedBy = "lamp-handler",
            RequestedAt = Now.AddHours(-2),
            DueAt = Now.AddHours(-1),
            ProposedDueAt = new DateTimeOffset(2026, 11, 20, 17, 30, 0, TimeSpan.FromHours(8)),
        };

        // One form per request, each in a FormMappingScope of its own; a GET carries no posted form to map.
        var renderer = new ComponentRenderer { Services = services => services.AddSingleton<IFormValueMapper, NoPostedForm>() };
        var supervisor = await renderer.RenderAsync<SupervisionBoardView>(Parameters(Board(extensions: [request])));
        var dispatcher = await renderer.RenderAsync<SupervisionBoardView>(Parameters(Board(extensions: [request]), canIssue: false, canDecide: false));

        var item = supervisor.QuerySelector("[data-extension='PJ-20261116-000003']")!;
        Assert.Equal("11-20 17:30", item.QuerySelector("[data-role=proposed-due]")!.TextContent);
        Assert.Equal("approve", item.QuerySelector("button[data-role=approve]")!.GetAttribute("value"));
        Assert.Equal("deny", item.QuerySelector("button[data-role=deny]")!.GetAttribute("value"));
        Assert.NotNull(item.QuerySelector("form input[name=__RequestVerificationToken]"));
        Assert.NotNull(dispatcher.QuerySelector("[data-extension='PJ-20261116-000003']"));
        Assert.Null(dispatcher.QuerySelector("[data-role=extension-decision]"));
        Assert.Null(dispatcher.QuerySelector("[data-role=notice-form]"));
        Assert.NotNull(dispatcher.QuerySelector("[data-role=read-only]"));
    }

    private sealed class NoPostedForm : IFormValueMapper
    {
        public bool CanMap(Type valueType, string scopeName, string? formName) => false;

        public void Map(FormValueMappingContext context)
        {
        }
    }

    [Fact]
    public async Task The_board_speaks_english_to_an_english_user()
    {
        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<SupervisionBoardView>(Parameters(Board()));

        Assert.Equal("Supervision board", page.QuerySelector("h2")!.TextContent);
        Assert.Equal("Overdue", page.QuerySelector("[data-due-state=Overdue]")!.TextContent);
        Assert.Equal("1 h 0 min over", page.QuerySelector("tr[data-case='PJ-20261116-000001'] [data-role=time-left]")!.TextContent);
        Assert.Equal("Overdue notice", page.QuerySelector("[data-role=escalations] .badge")!.TextContent);
        Assert.Equal(
            ["Automatic notice; told the handler, the section chief, the department leader, the district leader", "请今天修复路灯"],
            page.QuerySelectorAll("[data-role=escalations] [data-role=notice-text]").Select(e => e.TextContent));
        Assert.Equal("Issue notice", page.QuerySelector("[data-role=issue-notice]")!.TextContent);
    }
}

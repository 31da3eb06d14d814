using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Portal.Cases;
using CityOps.Flow.Web.Tests.CasePages;

namespace CityOps.Flow.Web.Tests.Rendering;

public sealed class CaseTimelineRenderingTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Opened Friday 20 Nov 2026 09:00; due Tuesday 24 Nov 17:30: three working days of 7 hours, the weekend not counted.
    private static readonly CaseRecord Case = new()
    {
        Id = "case-1",
        Number = "PJ-20261120-000001",
        CategoryCode = "0109",
        Channel = Channel.Hotline,
        Severity = Severity.Normal,
        Status = CaseStatus.AwaitingReview,
        ClusterSize = 1,
        IsKeyCase = false,
        OpenedAt = At(20, 9, 0),
        DueAt = At(24, 17, 30),
    };

    [Fact]
    public async Task Each_step_shows_when_who_what_and_the_working_time_used_of_the_limit()
    {
        var page = await RenderAsync("zh-CN");

        var steps = page.QuerySelectorAll("[data-role=timeline] > li");
        Assert.Equal(
            ["Step.Reported", "Step.Dispatched", "Step.TaskCreated", "Step.TaskClaimed", "Step.Accepted", "Step.Completed", "Step.TaskCompleted"],
            steps.Select(s => s.GetAttribute("data-step")));
        Assert.Equal("2026-11-20 09:00", steps[0].QuerySelector("[data-role=when]")!.TextContent.Trim());
        Assert.Equal("上报", steps[0].QuerySelector("[data-role=what]")!.TextContent.Trim());
        Assert.Equal("任务生成：主办处置", steps[2].QuerySelector("[data-role=what]")!.TextContent.Trim());
        Assert.Equal("系统", steps[2].QuerySelector("[data-role=who]")!.TextContent.Trim());
        Assert.Equal("李强", steps[1].QuerySelector("[data-role=who]")!.TextContent.Trim());
        Assert.Equal("dept-roads", steps[1].QuerySelector("[data-role=note]")!.TextContent.Trim());
        // Dispatched after an hour and a half of the 21 working hours.
        Assert.Equal("1.5 工作小时 / 21 工作小时 (7%)", Squash(steps[1].QuerySelector("[data-role=working-time]")!.TextContent));
        // Accepted on Monday morning: Friday's seven hours used, the weekend not counted.
        Assert.Equal("7 工作小时 / 21 工作小时 (33%)", Squash(steps[4].QuerySelector("[data-role=working-time]")!.TextContent));
    }

    [Fact]
    public async Task A_step_past_the_limit_is_marked_in_red_and_one_near_it_in_amber()
    {
        var page = await RenderAsync("zh-CN");

        var completed = page.QuerySelector("[data-step='Step.Completed'] [data-role=working-time]")!;
        Assert.Equal("22 工作小时 / 21 工作小时 (105%)", Squash(completed.TextContent));
        Assert.Contains("text-danger", completed.ClassList);
        var claimed = page.QuerySelector("[data-step='Step.TaskClaimed'] [data-role=working-time]")!;
        Assert.Contains("text-secondary", claimed.ClassList);
    }

    [Fact]
    public async Task In_english_steps_and_task_names_are_english()
    {
        var page = await RenderAsync("en");

        Assert.Equal("Task claimed: Lead department handles", page.QuerySelector("[data-step='Step.TaskClaimed'] [data-role=what]")!.TextContent.Trim());
        Assert.Equal("System", page.QuerySelector("[data-step='Step.TaskCreated'] [data-role=who]")!.TextContent.Trim());
        Assert.Equal("1.5 working h of 21 working h (7%)", Squash(page.QuerySelector("[data-step='Step.Dispatched'] [data-role=working-time]")!.TextContent));
    }

    [Fact]
    public async Task A_case_with_no_steps_says_so()
    {
        var page = await new ComponentRenderer().RenderAsync<CaseTimeline>(new Dictionary<string, object?>
        {
            [nameof(CaseTimeline.Entries)] = Array.Empty<TimelineEntry>(),
            [nameof(CaseTimeline.Calendar)] = DemoCalendar.Load(),
        });

        Assert.NotNull(page.QuerySelector("[data-role=timeline-empty]"));
        Assert.Null(page.QuerySelector("[data-role=timeline]"));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(string culture)
    {
        var calendar = DemoCalendar.Load();
        var taskId = Guid.NewGuid();
        var instanceId = Guid.NewGuid();
        var events = new List<CaseEvent>
        {
            new(CaseEventKind.Reported, At(20, 9, 0), "operator"),
            new(CaseEventKind.Dispatched, At(20, 10, 30), "dispatcher", "dept-roads"),
            new(CaseEventKind.Accepted, At(23, 9, 0), "handler"),
            new(CaseEventKind.Completed, At(25, 10, 0), "handler", "已更换灯泡"),
        };
        var task = new UserTaskRecord
        {
            Id = taskId,
            InstanceId = instanceId,
            TokenId = 5,
            ElementId = "HandleCase",
            ProcessId = "case-lifecycle",
            ProcessVersion = 1,
            Name = "主办处置 Lead department handles",
            CandidateGroups = ["dept:dept-roads"],
            CreatedAt = At(20, 10, 30),
        };
        HistoryEvent[] history =
        [
            new UserTaskCreated(new EventHeader(7, instanceId, At(20, 10, 30), "system", "HandleCase"), task),
            new TaskClaimed(new EventHeader(8, instanceId, At(23, 8, 55), "handler", "HandleCase"), taskId, "handler"),
            new TaskCompleted(new EventHeader(9, instanceId, At(25, 10, 0), "handler", "HandleCase"), taskId),
        ];
        var entries = CaseTimelineBuilder.Build(Case, events, history, model: null, calendar, CultureInfo.GetCultureInfo(culture),
            groups => string.Join(",", groups));
        return await new ComponentRenderer { Culture = culture }.RenderAsync<CaseTimeline>(new Dictionary<string, object?>
        {
            [nameof(CaseTimeline.Entries)] = entries,
            [nameof(CaseTimeline.Calendar)] = calendar,
            [nameof(CaseTimeline.ActorNames)] = new Dictionary<string, string> { ["dispatcher"] = "李强", ["handler"] = "张伟" },
        });
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, Beijing);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases;

public sealed class CaseSearchTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DataScope District = new([Lujiazui, Huamu], []);

    private static async Task<IReadOnlyList<string>> DescriptionsAsync(CaseScenario scenario, CaseQuery query) =>
        [.. (await scenario.Cases.SearchAsync(query, District)).Cases.Select(c => c.Description!)];

    [Theory, OnSqlite, OnPostgres]
    public async Task A_two_character_chinese_keyword_is_found_inside_longer_text(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.OpenAsync(Report("G-1", "人行道窨井盖缺失", Morning), Lujiazui);
        await scenario.OpenAsync(Report("G-2", "路灯不亮", Morning.AddMinutes(1)), Lujiazui);
        await scenario.OpenAsync(Report("G-3", "雨水井盖破损", Morning.AddMinutes(2)), Huamu);
        await scenario.OpenAsync(Report("G-4", "盖井", Morning.AddMinutes(3)), Huamu);

        Assert.Equal(["雨水井盖破损", "人行道窨井盖缺失"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "井盖" }));
        Assert.Equal(["人行道窨井盖缺失"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "井盖缺失" }));
        Assert.Equal(["人行道窨井盖缺失"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "缺失 人行道" }));
        Assert.Equal(["盖井"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "盖井" }));
        Assert.Empty(await DescriptionsAsync(scenario, new CaseQuery { Keyword = "井盖松动" }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keywords_match_the_address_latin_words_and_single_characters(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.OpenAsync(Report("G-1", "LED屏幕闪烁", Morning, address: "世纪大道100号"), Lujiazui);
        await scenario.OpenAsync(Report("G-2", "路灯不亮", Morning.AddMinutes(1), address: "张杨路88弄"), Lujiazui);

        Assert.Equal(["LED屏幕闪烁"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "led" }));
        Assert.Equal(["路灯不亮"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "张杨路" }));
        Assert.Equal(["路灯不亮"], await DescriptionsAsync(scenario, new CaseQuery { Keyword = "灯" }));
        Assert.Empty(await DescriptionsAsync(scenario, new CaseQuery { Keyword = "100%" }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_number_as_keyword_finds_exactly_that_case(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        await scenario.OpenAsync(Report("G-1", "井盖缺失", Morning), Lujiazui);
        var second = await scenario.OpenAsync(Report("G-2", "井盖缺失", Morning.AddMinutes(1)), Lujiazui);

        var found = await scenario.Cases.SearchAsync(new CaseQuery { Keyword = "pj-20261121-000002" }, District);

        Assert.Equal([second.Id], found.Cases.Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Street_time_range_category_status_channel_and_department_combine(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var target = await scenario.OpenAsync(Report("H-1", "井盖缺失", Morning.AddHours(1), Channel.Hotline), Lujiazui, UrbanManagement);
        await scenario.OpenAsync(Report("H-2", "井盖缺失", Morning.AddHours(1), Channel.Hotline), Huamu, UrbanManagement);
        await scenario.OpenAsync(Report("H-3", "井盖缺失", Morning.AddDays(-2), Channel.Hotline), Lujiazui, UrbanManagement);
        await scenario.OpenAsync(Report("H-4", "井盖缺失", Morning.AddHours(1), Channel.Hotline, "0102"), Lujiazui, UrbanManagement);
        await scenario.OpenAsync(Report("G-5", "井盖缺失", Morning.AddHours(1)), Lujiazui, UrbanManagement);
        await scenario.OpenAsync(Report("H-6", "井盖缺失", Morning.AddHours(1), Channel.Hotline), Lujiazui, WaterAffairs);
        var filed = await scenario.OpenAsync(Report("H-7", "井盖缺失", Morning.AddHours(2), Channel.Hotline), Lujiazui, UrbanManagement);
        await scenario.Cases.AppendEventAsync(filed.Id, new CaseEvent(CaseEventKind.Filed, Morning.AddHours(2)));

        var query = new CaseQuery
        {
            AreaId = Lujiazui,
            OpenedFrom = Morning,
            OpenedTo = Morning.AddDays(1),
            Keyword = "井盖",
            CategoryCode = "0101",
            Status = CaseStatus.Reported,
            Channel = Channel.Hotline,
            DepartmentId = UrbanManagement,
        };

        Assert.Equal([target.Id], (await scenario.Cases.SearchAsync(query, District)).Cases.Select(c => c.Id));
        Assert.Equal([filed.Id, target.Id], (await scenario.Cases.SearchAsync(query with { Status = null }, District)).Cases.Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keyset_pages_walk_every_match_once_newest_first(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = new List<CaseRecord>();
        for (var i = 0; i < 25; i++)
        {
            // Pairs opened at the same instant: the row order must break the tie without skipping either.
            opened.Add(await scenario.OpenAsync(Report($"G-{i}", $"井盖缺失第{i}处", Morning.AddMinutes(i / 2)), Lujiazui));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await scenario.Cases.SearchAsync(new CaseQuery { Keyword = "井盖" }, District, pageSize: 10, cursor);
            seen.AddRange(page.Cases.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(opened.AsEnumerable().Reverse().Select(c => c.Id), seen);
        await Assert.ThrowsAsync<ArgumentException>(() => scenario.Cases.SearchAsync(new CaseQuery(), District, 10, "not-a-cursor"));
    }
}

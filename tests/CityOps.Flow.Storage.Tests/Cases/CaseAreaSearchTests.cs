using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases;

/// <summary>Searches within one area, which read each level's (area, opened_at) index newest first.</summary>
public sealed class CaseAreaSearchTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DataScope District = new([Lujiazui, LujiazuiCommunity, Huamu], []);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_area_finds_the_cases_of_its_street_or_its_community_newest_first_with_the_keyword_rechecked(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var inStreet = await scenario.OpenAsync(Report("A-1", "路灯不亮", Morning), Lujiazui);
        var inCommunity = await scenario.OpenAsync(Report("A-2", "小区路灯闪烁", Morning.AddMinutes(1)), Lujiazui, communityId: LujiazuiCommunity);
        await scenario.OpenAsync(Report("A-3", "路灯不亮", Morning.AddMinutes(2)), Huamu);
        await scenario.OpenAsync(Report("A-4", "井盖缺失", Morning.AddMinutes(3)), Lujiazui);

        var street = await scenario.Cases.SearchAsync(new CaseQuery { AreaId = Lujiazui, Keyword = "路灯" }, District);
        var community = await scenario.Cases.SearchAsync(new CaseQuery { AreaId = LujiazuiCommunity, Keyword = "路灯" }, District);
        var outsideScope = await scenario.Cases.SearchAsync(new CaseQuery { AreaId = Lujiazui, Keyword = "路灯" }, DataScope.ForAreas(Huamu));

        Assert.Equal([inCommunity.Id, inStreet.Id], street.Cases.Select(c => c.Id));
        Assert.Equal([inCommunity.Id], community.Cases.Select(c => c.Id));
        Assert.Empty(outsideScope.Cases);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pages_within_an_area_walk_every_match_once_across_time_range_ties(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = new List<CaseRecord>();
        for (var i = 0; i < 23; i++)
        {
            opened.Add(await scenario.OpenAsync(Report($"P-{i}", $"路灯不亮第{i}处", Morning.AddMinutes(i / 2)), Lujiazui, communityId: i % 3 == 0 ? LujiazuiCommunity : null));
            await scenario.OpenAsync(Report($"Q-{i}", $"路灯不亮第{i}处", Morning.AddMinutes(i / 2)), Huamu);
        }

        var query = new CaseQuery { AreaId = Lujiazui, Keyword = "路灯", OpenedFrom = Morning, OpenedTo = Morning.AddHours(1) };
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await scenario.Cases.SearchAsync(query, District, pageSize: 5, cursor);
            seen.AddRange(page.Cases.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(opened.AsEnumerable().Reverse().Select(c => c.Id), seen);
    }
}

using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases;

/// <summary>The open cases an operator taking a call is offered to join: same category, close by, recent, open, in scope.</summary>
public sealed class NearbyCaseTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly GeoPoint Caller = new(31.2301, 121.5231);

    [Theory, OnSqlite, OnPostgres]
    public async Task Open_cases_of_the_category_within_the_radius_come_nearest_first(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        // 0.001° of latitude is about 111 m.
        var near = await scenario.OpenAsync(Report("N-1", "井盖缺失", Morning, point: new(31.2311, 121.5231)), Lujiazui);
        var nearest = await scenario.OpenAsync(Report("N-2", "井盖缺失", Morning.AddMinutes(1), point: new(31.2303, 121.5231)), Lujiazui);
        await scenario.OpenAsync(Report("N-3", "井盖缺失", Morning.AddMinutes(2), point: new(31.2361, 121.5231)), Lujiazui);
        await scenario.OpenAsync(Report("N-4", "路灯不亮", Morning.AddMinutes(3), categoryCode: "0109", point: new(31.2302, 121.5231)), Lujiazui);
        var closed = await scenario.OpenAsync(Report("N-5", "井盖缺失", Morning.AddMinutes(4), point: new(31.2301, 121.5232)), Lujiazui);
        Assert.True((await scenario.Cases.AppendEventAsync(closed.Id, new CaseEvent(CaseEventKind.Cancelled, Morning.AddMinutes(5), "u-dispatcher-01", "invalid"))).Accepted);
        await scenario.OpenAsync(Report("N-6", "井盖缺失", Morning.AddMinutes(6), point: new(31.2302, 121.5232)), Huamu);
        await scenario.OpenAsync(Report("N-7", "井盖缺失", Morning.AddDays(-40), point: new(31.2302, 121.5230)), Lujiazui);

        var found = await scenario.Cases.ListOpenNearAsync("0101", Caller, 500, Morning.AddDays(-30), DataScope.ForAreas(Lujiazui), 5);

        // Not the one 670 m away, the other category, the cancelled one, the other street's or the one of 40 days ago.
        Assert.Equal([nearest.Id, near.Id], found.Select(n => n.Case.Id));
        Assert.InRange(found[0].DistanceMetres, 20, 25);
        Assert.InRange(found[1].DistanceMetres, 105, 115);
        Assert.Single(await scenario.Cases.ListOpenNearAsync("0101", Caller, 500, Morning.AddDays(-30), DataScope.ForAreas(Lujiazui), 1));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_older_case_next_door_is_found_however_many_newer_ones_the_category_has_elsewhere(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var nextDoor = await scenario.OpenAsync(Report("OLD", "井盖缺失", Morning.AddDays(-20), point: new(31.2302, 121.5231)), Lujiazui);
        for (var i = 0; i < 250; i++)
        {
            await scenario.OpenAsync(Report($"FAR-{i}", "井盖缺失", Morning.AddMinutes(i), point: new(31.20 - i * 0.0001, 121.50)), Lujiazui);
        }

        var found = await scenario.Cases.ListOpenNearAsync("0101", Caller, 500, Morning.AddDays(-30), DataScope.ForAreas(Lujiazui), 5);

        Assert.Equal([nextDoor.Id], found.Select(n => n.Case.Id));
    }
}

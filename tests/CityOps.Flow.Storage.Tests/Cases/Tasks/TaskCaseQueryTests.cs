using CityOps.Flow.Storage.Tests.Databases;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases.Tasks;

/// <summary>Inboxes find the case behind each task by its workflow instance, whatever area the case lies in.</summary>
public sealed class TaskCaseQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Cases_are_found_by_their_workflow_instances(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var lamp = await scenario.OpenAsync(Report("G-1", "路灯不亮", Morning), Lujiazui, UrbanManagement);
        var cover = await scenario.OpenAsync(Report("G-2", "井盖缺失", Morning.AddMinutes(5), point: new(31.1, 121.6)), Huamu, WaterAffairs);
        await scenario.OpenAsync(Report("G-3", "积水", Morning.AddMinutes(9), point: new(31.0, 121.7)), Huamu, WaterAffairs);
        var (lampInstance, coverInstance) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        Assert.True(await scenario.Cases.LinkProcessInstanceAsync(lamp.Id, lampInstance));
        Assert.True(await scenario.Cases.LinkProcessInstanceAsync(cover.Id, coverInstance));

        var found = await scenario.Cases.ListByProcessInstancesAsync([lampInstance, coverInstance, Guid.NewGuid().ToString()]);

        Assert.Equal([lamp.Number, cover.Number], found.Select(c => c.Number).Order());
        Assert.Equal(lampInstance, found.Single(c => c.Id == lamp.Id).ProcessInstanceId);
        Assert.Equal(coverInstance, found.Single(c => c.Id == cover.Id).ProcessInstanceId);
        Assert.Empty(await scenario.Cases.ListByProcessInstancesAsync([]));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task More_instances_than_one_query_takes_are_read_in_batches(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var opened = await scenario.OpenAsync(Report("G-9", "路灯不亮", Morning), Lujiazui, UrbanManagement);
        var instance = Guid.NewGuid().ToString();
        Assert.True(await scenario.Cases.LinkProcessInstanceAsync(opened.Id, instance));
        var many = Enumerable.Range(0, 1200).Select(_ => Guid.NewGuid().ToString()).Append(instance).ToList();

        var found = await scenario.Cases.ListByProcessInstancesAsync(many);

        Assert.Equal(opened.Id, Assert.Single(found).Id);
    }
}

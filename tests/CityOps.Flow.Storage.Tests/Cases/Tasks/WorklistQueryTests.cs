using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases.Tasks;

/// <summary>
/// An inbox's list straight from the task and case tables: whose tasks, which filters, which order, on SQLite and
/// PostgreSQL. The workflow rows are written as the engine's store writes them.
/// </summary>
public sealed class WorklistQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string Process = "case-lifecycle";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_persons_tasks_are_those_of_their_groups_and_their_own_in_due_order(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);

        var listed = await scenario.Cases.ListWorklistAsync(new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process });

        // The lamp (due first), the cover (due later), the drain task offered to the user by name; the other department's task is not theirs.
        Assert.Equal([tasks["lamp"], tasks["cover"], tasks["drain"]], listed.Select(e => e.TaskId));
        Assert.Equal(Morning.AddHours(4), listed[0].DueDate);
        Assert.Equal(Morning.AddMinutes(20), listed[0].DispatchedAt);
        Assert.Null(listed[2].DueDate);
        Assert.Equal(3, await scenario.Cases.CountWorklistAsync(new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Category_area_priority_holder_and_order_narrow_and_sort_the_list(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var mine = new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process };

        Assert.Equal([tasks["cover"]], (await scenario.Cases.ListWorklistAsync(mine with { CategoryPrefix = "0101" })).Select(e => e.TaskId));
        Assert.Equal([tasks["lamp"], tasks["cover"]], (await scenario.Cases.ListWorklistAsync(mine with { CategoryPrefix = "01" })).Select(e => e.TaskId));
        Assert.Equal([tasks["cover"], tasks["drain"]], (await scenario.Cases.ListWorklistAsync(mine with { AreaIds = [Huamu] })).Select(e => e.TaskId));
        Assert.Equal([tasks["cover"]], (await scenario.Cases.ListWorklistAsync(mine with { MinPriority = 88 })).Select(e => e.TaskId));
        Assert.Equal([tasks["lamp"], tasks["drain"]], (await scenario.Cases.ListWorklistAsync(mine with { PriorityBelow = 88 })).Select(e => e.TaskId));
        Assert.Equal([tasks["drain"]], (await scenario.Cases.ListWorklistAsync(mine with { HeldByUser = true })).Select(e => e.TaskId));
        Assert.Equal([tasks["cover"], tasks["lamp"], tasks["drain"]], (await scenario.Cases.ListWorklistAsync(mine with { Order = WorklistOrder.Priority })).Select(e => e.TaskId));
        Assert.Equal([tasks["drain"], tasks["cover"], tasks["lamp"]], (await scenario.Cases.ListWorklistAsync(mine with { Order = WorklistOrder.Newest })).Select(e => e.TaskId));
        Assert.Empty(await scenario.Cases.ListWorklistAsync(mine with { ProcessId = "another-process" }));
    }

    /// <summary>Four cases with one open task each: lamp and cover offered to dept:water, drain held by u-water, and one for dept:roads.</summary>
    private async Task<(CaseScenario Scenario, Dictionary<string, Guid> Tasks)> SeedAsync(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var tasks = new Dictionary<string, Guid>();
        async Task AddAsync(string name, string category, string street, string group, DateTimeOffset? due, int priority, string? assignee, int minute)
        {
            var opened = await scenario.OpenAsync(
                Report($"W-{name}", name, Morning.AddMinutes(minute), categoryCode: category, point: new(31 + minute / 100.0, 121.5)), street, WaterAffairs);
            var instance = Guid.NewGuid().ToString();
            var task = Guid.NewGuid();
            tasks[name] = task;
            Assert.True(await scenario.Cases.LinkProcessInstanceAsync(opened.Id, instance));
            await using var connection = await scenario.Database.OpenAsync();
            await connection.ExecuteAsync(
                "INSERT INTO workflow_instances (id, version, process_id, process_version, business_key, status, started_at) VALUES (@instance, 1, @Process, 1, @number, 'Active', @at)",
                new { instance, Process, number = opened.Number, at = SqlValues.Instant(dialect, Morning) });
            await connection.ExecuteAsync(
                """
                INSERT INTO user_tasks (id, instance_id, token_id, element_id, process_id, process_version, name, assignee,
                    candidate_groups, candidate_users, due_date, priority, created_at)
                VALUES (@id, @instance, 2, 'HandleCase', @Process, 1, 'handle', @assignee, @groups, @users, @due, @priority, @created)
                """,
                new
                {
                    id = task.ToString(), instance, Process, assignee, groups = $"[\"{group}\"]", users = "[]",
                    due = SqlValues.Instant(dialect, due), priority, created = SqlValues.Instant(dialect, Morning.AddMinutes(minute)),
                });
            await connection.ExecuteAsync("INSERT INTO user_task_candidate_groups (group_name, task_id) VALUES (@group, @id)", new { group, id = task.ToString() });
        }

        await AddAsync("lamp", "0109", Lujiazui, "dept:water", Morning.AddHours(4), 50, null, 1);
        await AddAsync("cover", "0101", Huamu, "dept:water", Morning.AddHours(8), 100, null, 2);
        await AddAsync("drain", "0402", Huamu, "dept:other", null, 50, "u-water", 3);
        await AddAsync("road", "0109", Lujiazui, "dept:roads", Morning.AddHours(1), 50, null, 4);
        var lamp = (await scenario.Cases.ListByProcessInstancesAsync(await InstancesAsync(scenario))).Single(c => c.Case.Description == "lamp").Case;
        Assert.True((await scenario.Cases.AppendEventAsync(lamp.Id, new CaseEvent(CaseEventKind.Filed, Morning.AddMinutes(10), "dispatcher"))).Accepted);
        Assert.True((await scenario.Cases.AppendEventAsync(lamp.Id, new CaseEvent(CaseEventKind.Dispatched, Morning.AddMinutes(20), "dispatcher", WaterAffairs))).Accepted);
        return (scenario, tasks);
    }

    private static async Task<IReadOnlyCollection<string>> InstancesAsync(CaseScenario scenario)
    {
        await using var connection = await scenario.Database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT process_instance_id FROM cases WHERE process_instance_id IS NOT NULL")).ToList();
    }
}

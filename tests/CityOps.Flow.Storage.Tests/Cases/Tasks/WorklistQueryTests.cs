using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;
using static CityOps.Flow.Storage.Tests.Cases.CaseScenario;

namespace CityOps.Flow.Storage.Tests.Cases.Tasks;

/// <summary>
/// An inbox's list straight from the task and case tables: whose tasks, which filters, which order, which due states,
/// which page, on SQLite and PostgreSQL. The workflow rows are written as the engine's store writes them.
/// </summary>
public sealed class WorklistQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string Process = "case-lifecycle";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_persons_tasks_are_those_of_their_groups_and_their_own_in_due_order(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var mine = new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process };

        // The lamp (due first), the cover (due later), the drain task offered to the user by name; the other department's task is not theirs.
        Assert.Equal([tasks["lamp"], tasks["cover"], tasks["drain"]], await ListedAsync(scenario, mine));
        Assert.Equal(3, await scenario.Cases.CountWorklistAsync(mine));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Due_states_are_counted_and_chosen_from_the_due_and_follow_up_dates_at_the_moment_asked(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var mine = new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process };

        // Lamp: follow-up 3 h, due 4 h. Cover: follow-up 6 h, due 8 h. Drain: no limit.
        var early = await scenario.Cases.QueryWorklistAsync(mine, Morning.AddHours(1), null, 0, 50);
        Assert.Equal((0, 2, 0, 1), Counts(early));
        var lampNear = await scenario.Cases.QueryWorklistAsync(mine, Morning.AddHours(3), null, 0, 50);
        Assert.Equal((0, 1, 1, 1), Counts(lampNear));
        var later = await scenario.Cases.QueryWorklistAsync(mine, Morning.AddHours(7), null, 0, 50);
        Assert.Equal((1, 0, 1, 1), Counts(later));
        Assert.Equal(3, later.Total);

        var near = await scenario.Cases.QueryWorklistAsync(mine, Morning.AddHours(7), DueState.NearDue, 0, 50);
        Assert.Equal([tasks["cover"]], near.Page.Select(e => e.TaskId));
        Assert.Equal(1, near.Total);
        Assert.Equal((1, 0, 1, 1), Counts(near));
        var overdue = await scenario.Cases.QueryWorklistAsync(mine, Morning.AddHours(4), DueState.Overdue, 0, 50);
        Assert.Equal([tasks["lamp"]], overdue.Page.Select(e => e.TaskId));
        Assert.Equal([tasks["drain"]], (await scenario.Cases.QueryWorklistAsync(mine, Morning, DueState.None, 0, 50)).Page.Select(e => e.TaskId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_page_is_cut_by_offset_and_limit_while_the_total_counts_every_task(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var mine = new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process };

        var first = await scenario.Cases.QueryWorklistAsync(mine, Morning, null, 0, 2);
        var second = await scenario.Cases.QueryWorklistAsync(mine, Morning, null, 2, 2);

        Assert.Equal([tasks["lamp"], tasks["cover"]], first.Page.Select(e => e.TaskId));
        Assert.Equal([tasks["drain"]], second.Page.Select(e => e.TaskId));
        Assert.Equal(3, first.Total);
        Assert.Equal(3, second.Total);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Category_area_priority_holder_and_order_narrow_and_sort_the_list(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var mine = new WorklistCriteria { UserId = "u-water", Groups = ["dept:water"], ProcessId = Process };

        Assert.Equal([tasks["cover"]], await ListedAsync(scenario, mine with { CategoryPrefix = "0101" }));
        Assert.Equal([tasks["lamp"], tasks["cover"]], await ListedAsync(scenario, mine with { CategoryPrefix = "01" }));
        Assert.Equal([tasks["cover"], tasks["drain"]], await ListedAsync(scenario, mine with { AreaIds = [Huamu] }));
        Assert.Equal([tasks["cover"]], await ListedAsync(scenario, mine with { MinPriority = 88 }));
        Assert.Equal([tasks["lamp"], tasks["drain"]], await ListedAsync(scenario, mine with { PriorityBelow = 88 }));
        Assert.Equal([tasks["drain"]], await ListedAsync(scenario, mine with { HeldByUser = true }));
        Assert.Equal([tasks["cover"], tasks["lamp"], tasks["drain"]], await ListedAsync(scenario, mine with { Order = WorklistOrder.Priority }));
        Assert.Equal([tasks["drain"], tasks["cover"], tasks["lamp"]], await ListedAsync(scenario, mine with { Order = WorklistOrder.Newest }));
        Assert.Empty(await ListedAsync(scenario, mine with { ProcessId = "another-process" }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_district_wide_groups_tasks_reach_a_person_only_on_cases_in_their_area(SqlDialect dialect)
    {
        var (scenario, tasks) = await SeedAsync(dialect);
        var supervisor = new WorklistCriteria { UserId = "u-supervisor", AreaBoundGroups = ["dept:water"], ScopeAreaIds = [Lujiazui], ProcessId = Process };

        Assert.Equal([tasks["lamp"]], await ListedAsync(scenario, supervisor));
        Assert.Equal(1, await scenario.Cases.CountWorklistAsync(supervisor));
        Assert.Empty(await ListedAsync(scenario, supervisor with { ScopeAreaIds = [] }));
    }

    private static async Task<IReadOnlyList<Guid>> ListedAsync(CaseScenario scenario, WorklistCriteria criteria) =>
        (await scenario.Cases.QueryWorklistAsync(criteria, Morning, null, 0, 50)).Page.Select(e => e.TaskId).ToList();

    private static (int Overdue, int OnTime, int NearDue, int None) Counts(WorklistSlice slice) =>
        (slice.DueCounts[DueState.Overdue], slice.DueCounts[DueState.OnTime], slice.DueCounts[DueState.NearDue], slice.DueCounts[DueState.None]);

    /// <summary>Four cases with one open task each: lamp and cover offered to dept:water, drain held by u-water, and one for dept:roads.</summary>
    private async Task<(CaseScenario Scenario, Dictionary<string, Guid> Tasks)> SeedAsync(SqlDialect dialect)
    {
        var scenario = await CreateAsync(databases, dialect);
        var tasks = new Dictionary<string, Guid>();
        async Task AddAsync(string name, string category, string street, string group, DateTimeOffset? due, DateTimeOffset? followUp, int priority, string? assignee, int minute)
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
                    candidate_groups, candidate_users, due_date, follow_up_date, priority, created_at)
                VALUES (@id, @instance, 2, 'HandleCase', @Process, 1, 'handle', @assignee, @groups, @users, @due, @followUp, @priority, @created)
                """,
                new
                {
                    id = task.ToString(), instance, Process, assignee, groups = $"[\"{group}\"]", users = "[]",
                    due = SqlValues.Instant(dialect, due), followUp = SqlValues.Instant(dialect, followUp), priority, created = SqlValues.Instant(dialect, Morning.AddMinutes(minute)),
                });
            await connection.ExecuteAsync("INSERT INTO user_task_candidate_groups (group_name, task_id) VALUES (@group, @id)", new { group, id = task.ToString() });
        }

        await AddAsync("lamp", "0109", Lujiazui, "dept:water", Morning.AddHours(4), Morning.AddHours(3), 50, null, 1);
        await AddAsync("cover", "0101", Huamu, "dept:water", Morning.AddHours(8), Morning.AddHours(6), 100, null, 2);
        await AddAsync("drain", "0402", Huamu, "dept:other", null, null, 50, "u-water", 3);
        await AddAsync("road", "0109", Lujiazui, "dept:roads", Morning.AddHours(1), Morning.AddMinutes(45), 50, null, 4);
        return (scenario, tasks);
    }
}

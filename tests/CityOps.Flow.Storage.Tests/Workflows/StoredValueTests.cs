using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage.Tests.Databases;
using Dapper;

namespace CityOps.Flow.Storage.Tests.Workflows;

public sealed class StoredValueTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Values as FEEL itself produces them, one of every kind a process variable can hold.</summary>
    private static readonly string[] Expressions =
    [
        "\"井盖缺失 (manhole cover missing)\"",
        "12.50",
        "-0.000001",
        "true",
        "null",
        "date(\"2026-11-23\")",
        "time(\"08:30:15.25\")",
        "time(\"08:30:00+08:00\")",
        "date and time(\"2026-11-23T17:45:00\")",
        "date and time(\"2026-11-23T17:45:00+08:00\")",
        "date and time(\"2026-11-23T17:45:00@Asia/Shanghai\")",
        "duration(\"P2DT4H30M\")",
        "duration(\"P1Y3M\")",
        "[1, \"two\", [3], {four: 4}]",
        "{location: {lat: 31.2304, lon: 121.4737}, tags: [\"road\", \"night\"], \"$feel\": \"not a tag\"}",
        "[1..10)",
        "(date(\"2026-11-01\")..date(\"2026-12-01\")]",
    ];

    private static object? Evaluate(string source)
    {
        var feel = new FeelEngine(new AdjustableClock(Morning));
        var parsed = feel.ParseExpression(source);
        Assert.True(parsed.Success, source + ": " + string.Join("; ", parsed.Errors));
        return feel.Evaluate(parsed.Expression!, new Dictionary<string, object?>()).Value;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_kind_of_feel_value_comes_back_as_the_same_type_and_value(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var store = new SqlWorkflowStore(database);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started();
        var values = Expressions.Select(Evaluate).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            complaint.Variable("v" + i, values[i]);
        }

        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] });

        var loaded = store.LoadInstance(complaint.InstanceId)!.State.LocalVariables(ProcessInstanceState.RootTokenId);
        var expected = values.Select((v, i) => $"{Expressions[i]} -> {Transcript.Value(v)}");
        var actual = values.Select((_, i) => $"{Expressions[i]} -> {Transcript.Value(loaded["v" + i])}");
        Assert.Equal(expected, actual);
        Assert.Equal(values.Select(v => v?.GetType()), values.Select((_, i) => loaded["v" + i]?.GetType()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task History_rows_cannot_be_changed_or_deleted(SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        var store = new SqlWorkflowStore(database);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Variable("district", "黄浦区");
        store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] });
        await using var connection = await database.OpenAsync();

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            connection.ExecuteAsync("UPDATE history_events SET actor = 'someone else'"));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            connection.ExecuteAsync("DELETE FROM history_events"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(2, store.ReadHistory(complaint.InstanceId).Count);
        Assert.All(store.ReadHistory(complaint.InstanceId), e => Assert.Equal("dispatcher-li", e.Actor));
    }
}

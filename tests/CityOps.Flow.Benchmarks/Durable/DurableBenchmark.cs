using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.Tasks;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Benchmarks.Durable;

/// <summary>
/// The engine benchmark process (start → user task → exclusive gateway → end) persisted: every start and every task
/// completion is its own committed transaction, on SQLite and (when a server is named) PostgreSQL; beside it, a raw
/// SQLite loop of single-row insert transactions on the same disk as the physical ceiling. SQLite has one writer,
/// so one caller drives it; PostgreSQL takes several callers at once, as several portal requests would.
/// </summary>
public static class DurableBenchmark
{
    private const int Instances = 3_000;

    private static readonly long[] Spent = new long[3];

    public static void Run()
    {
        var review = File.ReadAllText(Path.Combine(RepositoryFiles.Root(), "tests", "CityOps.Flow.Benchmarks", "Engine", "review.bpmn"));

        double sqlite;
        using (var database = BenchDatabase.Sqlite())
        {
            sqlite = RunReview(database, review, "sqlite", callers: 1);
        }

        var raw = RawSqliteTransactions(3 * Instances);
        Console.WriteLine($"raw    SQLite single-row insert transactions, same disk and settings: {raw:F0} tx/s");

        double? postgres = null;
        if (BenchDatabase.PostgresServer is { } server)
        {
            using var database = BenchDatabase.Postgres(server);
            postgres = RunReview(database, review, "postgres", callers: 8);
        }
        else
        {
            Console.WriteLine("postgres not measured: set CITYOPS_BENCH_POSTGRES or CITYOPS_TEST_POSTGRES to a server connection string");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT sqlite_per_s={sqlite:F0} raw_tx_per_s={raw:F0} postgres_per_s={(postgres is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) : "na")}"));
    }

    /// <summary>Persisted instances per second, start to completion, with <paramref name="callers"/> callers at once.</summary>
    private static double RunReview(BenchDatabase database, string bpmn, string label, int callers)
    {
        var engine = database.NewEngine();
        var deployed = engine.Deploy([new DeploymentResource("review.bpmn", bpmn)]);
        if (!deployed.Succeeded) throw new InvalidOperationException(string.Join("; ", deployed.Problems));
        RunInstances(engine, 300, callers); // warm-up: JIT, connection pool, statement caches
        Array.Clear(Spent);
        var watch = Stopwatch.StartNew();
        RunInstances(engine, Instances, callers);
        var rate = Instances / watch.Elapsed.TotalSeconds;
        var completed = engine.Store.QueryTasks(new TaskQuery { Limit = 1 }).Total;
        if (completed != 0) throw new InvalidOperationException($"{completed} review tasks left open");
        Console.WriteLine($"{label,-8} persisted start → user task → gateway → end: {Instances} instances by {callers} caller(s), {rate:F0} instances/s");
        var perCall = Spent.Select(ticks => ticks * 1000.0 / Stopwatch.Frequency / Instances).ToArray();
        Console.WriteLine($"{"",-8} per instance: start {perCall[0]:F2} ms, task query {perCall[1]:F2} ms, complete {perCall[2]:F2} ms (summed over callers)");
        return rate;
    }

    private static void RunInstances(WorkflowEngine engine, int count, int callers)
    {
        var next = 0;
        Parallel.For(0, callers, new ParallelOptions { MaxDegreeOfParallelism = callers }, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= count)
            {
                var t0 = Stopwatch.GetTimestamp();
                var id = engine.StartInstance("bench_review", new Dictionary<string, object?> { ["amount"] = i % 200 }).Expect();
                var t1 = Stopwatch.GetTimestamp();
                var task = engine.QueryTasks(new TaskQuery { InstanceId = id, Limit = 1 }).Items[0];
                var t2 = Stopwatch.GetTimestamp();
                engine.CompleteTask(task.Id, null, "bench").Expect();
                var t3 = Stopwatch.GetTimestamp();
                Interlocked.Add(ref Spent[0], t1 - t0);
                Interlocked.Add(ref Spent[1], t2 - t1);
                Interlocked.Add(ref Spent[2], t3 - t2);
            }
        });
    }

    /// <summary>BEGIN; INSERT one row; COMMIT — in a loop, with the store's own connection settings (WAL, synchronous NORMAL).</summary>
    private static double RawSqliteTransactions(int count)
    {
        using var database = BenchDatabase.Sqlite();
        using var connection = (SqliteConnection)database.Connections.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE raw_rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO raw_rows (payload) VALUES ($p)";
            insert.Parameters.AddWithValue("$p", "row " + i);
            insert.ExecuteNonQuery();
            tx.Commit();
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CityOps.Flow.Benchmarks.CaseSearch;

/// <summary>
/// Case search at district scale: a year of generated cases (1,000,000 unless the second argument says otherwise) in
/// 20 streets, searched through <see cref="CaseRepository.SearchAsync"/> the way the portal does. Runs on SQLite, and
/// also on PostgreSQL when CITYOPS_TEST_POSTGRES names a server (a scratch database is created and dropped).
/// </summary>
public static class CaseSearchBenchmark
{
    private const int Runs = 15;


    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Path.Combine(Path.GetTempPath(), "cityops-case-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            var results = new List<string> { $"cases={count}" };
            using (var sqlite = new SqliteConnectionFactory($"Data Source={Path.Combine(folder, "cases.db")}"))
            {
                results.AddRange(RunOn("sqlite", sqlite, count));
            }

            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("CITYOPS_TEST_POSTGRES") is { Length: > 0 } server)
            {
                results.AddRange(RunOnPostgres(server, count));
            }

            Console.WriteLine("RESULT " + string.Join(' ', results));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static IEnumerable<string> RunOnPostgres(string server, int count)
    {
        var name = "cityops_bench_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            admin.Execute($"CREATE DATABASE \"{name}\"");
        }

        try
        {
            using var postgres = new PostgresConnectionFactory(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
            return RunOn("postgres", postgres, count);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            admin.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static List<string> RunOn(string dialect, IDbConnectionFactory database, int count)
    {
        new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync().GetAwaiter().GetResult();
        var load = Stopwatch.StartNew();
        using (var connection = database.Open())
        {
            if (connection is SqliteConnection sqlite)
            {
                GeneratedCases.LoadSqlite(sqlite, GeneratedCases.Generate(count, CaseDistrict.Synthetic));
                connection.Execute("ANALYZE main");
            }
            else
            {
                GeneratedCases.LoadPostgres(connection, GeneratedCases.Generate(count, CaseDistrict.Synthetic));
                connection.Execute("ANALYZE cases");
            }
        }

        Console.WriteLine($"{dialect}: loaded {count:N0} cases in {load.Elapsed.TotalSeconds:F1} s");
        var repository = new CaseRepository(database);
        var street = CaseDistrict.Synthetic.Streets[3];
        var streetScope = DataScope.ForAreas(street);
        var districtScope = new DataScope([.. CaseDistrict.Synthetic.Streets], []);
        var october = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var month = new CaseQuery { AreaId = street, OpenedFrom = october, OpenedTo = october.AddMonths(1) };

        var figures = new List<string>();
        void Measure(string key, string label, CaseQuery query, DataScope scope, bool secondPage = false)
        {
            var times = new List<double>();
            var found = 0;
            for (var run = 0; run < Runs + 2; run++)
            {
                var watch = Stopwatch.StartNew();
                var page = repository.SearchAsync(query, scope, 50).GetAwaiter().GetResult();
                if (secondPage && page.NextCursor is { } cursor)
                {
                    page = repository.SearchAsync(query, scope, 50, cursor).GetAwaiter().GetResult();
                }

                watch.Stop();
                found = page.Cases.Count;
                if (run >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dialect}: {label,-58} median {median,8:F2} ms  (page of {found})"));
            figures.Add(string.Create(CultureInfo.InvariantCulture, $"{dialect}_{key}_ms={median:F1}"));
        }

        Measure("street_month", "street + month, newest 50", month, streetScope);
        Measure("street_month_page2", "street + month, pages 1 and 2 (keyset)", month, streetScope, secondPage: true);
        Measure("street_month_common_keyword", "street + month + common keyword 井盖", month with { Keyword = "井盖" }, streetScope);
        Measure("street_month_phrase", "street + month + phrase 路灯不亮", month with { Keyword = "路灯不亮" }, streetScope);
        Measure("district_rare_keyword", "district scope, year, rare keyword 煤气罐", new CaseQuery { Keyword = "煤气罐" }, districtScope);
        Measure("district_common_keyword", "district scope, year, common keyword 井盖", new CaseQuery { Keyword = "井盖" }, districtScope);
        Measure("street_rare_keyword_status", "street + rare keyword + status Reported", new CaseQuery { AreaId = street, Keyword = "煤气罐", Status = Cases.Lifecycle.CaseStatus.Reported }, streetScope);
        return figures;
    }


}

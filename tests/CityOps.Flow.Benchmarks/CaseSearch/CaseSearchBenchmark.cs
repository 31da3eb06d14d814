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
    private const int Streets = 20;
    private const int Runs = 15;

    private static readonly string[] Places = ["人行道", "小区门口", "公交站旁", "十字路口", "河道边", "菜场附近", "学校门口", "地铁站出口", "绿地内", "停车场"];
    private static readonly string[] Objects = ["窨井盖", "路灯", "垃圾桶", "消防栓", "行道树", "护栏", "广告牌", "共享单车", "雨水口", "电线杆", "交通标志", "座椅", "公厕", "围挡", "花坛"];
    private static readonly string[] Problems = ["缺失", "破损", "倾斜", "不亮", "满溢", "堵塞", "占道", "积水", "漏水", "松动"];
    private static readonly string[] Roads = ["世纪大道", "张杨路", "浦东南路", "东方路", "杨高中路", "陆家嘴环路", "福山路", "崂山路", "源深路", "潍坊路"];

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
                LoadSqlite(sqlite, count);
                connection.Execute("ANALYZE main");
            }
            else
            {
                LoadPostgres(connection, count);
                connection.Execute("ANALYZE cases");
            }
        }

        Console.WriteLine($"{dialect}: loaded {count:N0} cases in {load.Elapsed.TotalSeconds:F1} s");
        var repository = new CaseRepository(database);
        var street = StreetId(3);
        var streetScope = DataScope.ForAreas(street);
        var districtScope = new DataScope([.. Enumerable.Range(0, Streets).Select(StreetId)], []);
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

    private static string StreetId(int street) => string.Create(CultureInfo.InvariantCulture, $"310115{street + 1:000}");

    private sealed record GeneratedCase(long RowId, string CategoryCode, string StreetId, string CommunityId, string DepartmentId, string Description, string Address, DateTimeOffset OpenedAt);

    private static IEnumerable<GeneratedCase> Generate(int count)
    {
        var random = new Random(20261121);
        var yearStart = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var secondsInYear = 365 * 24 * 3600;
        for (var i = 0; i < count; i++)
        {
            var street = random.Next(Streets);
            var rare = random.Next(10_000) == 0 ? "，楼道堆放煤气罐" : "";
            yield return new GeneratedCase(
                i + 1,
                string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 7):00}{random.Next(1, 6):00}"),
                StreetId(street),
                StreetId(street) + string.Create(CultureInfo.InvariantCulture, $"{random.Next(10):000}"),
                string.Create(CultureInfo.InvariantCulture, $"D-310115-{random.Next(12):00}"),
                Places[random.Next(Places.Length)] + Objects[random.Next(Objects.Length)] + Problems[random.Next(Problems.Length)] + rare,
                string.Create(CultureInfo.InvariantCulture, $"浦东新区{Roads[random.Next(Roads.Length)]}{random.Next(1, 2000)}号"),
                yearStart.AddSeconds(random.Next(secondsInYear)));
        }
    }

    private static void LoadSqlite(SqliteConnection connection, int count)
    {
        using var cases = connection.CreateCommand();
        cases.CommandText = """
            INSERT INTO cases (row_id, id, number, category_code, street_id, community_id, channel, severity, status,
                lead_department_id, description, address, latitude, longitude, opened_at, first_report_at, last_report_at)
            VALUES ($row, $id, $number, $category, $street, $community, 'hotline', 'normal', 'Reported',
                $department, $description, $address, 31.23, 121.52, $opened, $opened, $opened)
            """;
        var names = new[] { "$row", "$id", "$number", "$category", "$street", "$community", "$department", "$description", "$address", "$opened" };
        foreach (var name in names)
        {
            cases.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        using var search = connection.CreateCommand();
        search.CommandText = "INSERT INTO case_search (rowid, terms) VALUES ($row, $terms)";
        search.Parameters.Add(new SqliteParameter { ParameterName = "$row" });
        search.Parameters.Add(new SqliteParameter { ParameterName = "$terms" });

        DbTransaction? transaction = null;
        foreach (var generated in Generate(count))
        {
            if (generated.RowId % 50_000 == 1)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                cases.Transaction = (SqliteTransaction)transaction;
                search.Transaction = (SqliteTransaction)transaction;
            }

            object[] values =
            [
                generated.RowId, "c-" + generated.RowId, Number(generated), generated.CategoryCode, generated.StreetId,
                generated.CommunityId, generated.DepartmentId, generated.Description, generated.Address,
                generated.OpenedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ];
            for (var p = 0; p < values.Length; p++)
            {
                cases.Parameters[p].Value = values[p];
            }

            cases.ExecuteNonQuery();
            search.Parameters[0].Value = generated.RowId;
            search.Parameters[1].Value = string.Join(' ', CaseSearchTerms.Of(generated.Description + " " + generated.Address));
            search.ExecuteNonQuery();
        }

        transaction?.Commit();
    }

    private static void LoadPostgres(DbConnection connection, int count)
    {
        foreach (var batch in Generate(count).Chunk(10_000))
        {
            connection.Execute(
                """
                INSERT INTO cases (row_id, id, number, category_code, street_id, community_id, channel, severity, status,
                    lead_department_id, description, address, latitude, longitude, opened_at, first_report_at, last_report_at, search_terms)
                SELECT r, 'c-' || r, n, cat, street, comm, 'hotline', 'normal', 'Reported', dept, descr, addr, 31.23, 121.52,
                    opened, opened, opened, string_to_array(terms, ' ')
                FROM unnest(@Rows, @Numbers, @Categories, @Streets, @Communities, @Departments, @Descriptions, @Addresses, @Opened, @Terms)
                    AS t(r, n, cat, street, comm, dept, descr, addr, opened, terms)
                """,
                new
                {
                    Rows = batch.Select(c => c.RowId).ToArray(),
                    Numbers = batch.Select(Number).ToArray(),
                    Categories = batch.Select(c => c.CategoryCode).ToArray(),
                    Streets = batch.Select(c => c.StreetId).ToArray(),
                    Communities = batch.Select(c => c.CommunityId).ToArray(),
                    Departments = batch.Select(c => c.DepartmentId).ToArray(),
                    Descriptions = batch.Select(c => c.Description).ToArray(),
                    Addresses = batch.Select(c => c.Address).ToArray(),
                    Opened = batch.Select(c => c.OpenedAt.UtcDateTime).ToArray(),
                    Terms = batch.Select(c => string.Join(' ', CaseSearchTerms.Of(c.Description + " " + c.Address))).ToArray(),
                });
        }
    }

    private static string Number(GeneratedCase generated) =>
        CaseNumber.Format(CaseNumber.DayOf(generated.OpenedAt), generated.RowId);
}

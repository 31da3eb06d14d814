using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Cases.Reporting;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Benchmarks.Kpi;

/// <summary>
/// The leaders' dashboard's key-figure queries over a year of generated cases (1,000,000 unless the second argument
/// says otherwise; 3,000 a day is 1.1 million) on SQLite: what one dashboard view of a month asks of the database
/// for a district leader, and a year's figures per department. The last line is <c>RESULT kpi_ms=&lt;n&gt;</c>,
/// the median time of the month's dashboard queries.
/// </summary>
public static class KpiBenchmark
{
    private const int Streets = 10;
    private const int Runs = 9;

    private static readonly string[] Channels = ["hotline", "hotline", "hotline", "grid", "grid", "iot", "video", "app", "app", "doorplate"];
    private static readonly string[] Departments =
        ["dept-city-mgmt", "dept-greening", "dept-housing", "dept-construction", "dept-transport", "dept-water", "dept-ecology", "dept-market", "dept-power", "dept-gas"];

    /// <summary>Friday 20 November 2026, 18:00 China time: "now" for the generated year.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(8));

    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        // A third argument keeps the database in that folder, for looking at query plans afterwards.
        var keep = args.Length > 2;
        var folder = keep ? Path.GetFullPath(args[2]) : Path.Combine(Path.GetTempPath(), "cityops-kpi-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var sqlite = new SqliteConnectionFactory($"Data Source={Path.Combine(folder, "kpi.db")}");
            var figures = RunOn(sqlite, count);
            SqliteConnection.ClearAllPools();
            Console.WriteLine("RESULT " + figures);
        }
        finally
        {
            if (!keep && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string RunOn(IDbConnectionFactory database, int count)
    {
        new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync().GetAwaiter().GetResult();
        var load = Stopwatch.StartNew();
        using (var connection = (SqliteConnection)database.Open())
        {
            Load(connection, count);
            connection.Execute("ANALYZE main");
        }

        Console.WriteLine($"sqlite: loaded {count:N0} cases and their reports in {load.Elapsed.TotalSeconds:F1} s");
        var kpis = new KpiRepository(database);
        var calendar = RepositoryFiles.DemoCalendar();
        var district = new DataScope([.. Enumerable.Range(0, Streets).SelectMany(s => new[] { StreetId(s) }.Concat(Enumerable.Range(0, 3).Select(c => CommunityId(s, c))))], []);
        var street = DataScope.ForAreas(StreetId(2), CommunityId(2, 0), CommunityId(2, 1), CommunityId(2, 2));
        var monthFrom = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var monthTo = monthFrom.AddMonths(1);
        var today = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(8));
        var yearFrom = Now.AddDays(-365);
        var days = Enumerable.Range(0, 31).Select(d => monthFrom.AddDays(d)).ToList();
        var hotspots = new HotspotDetector();

        double Median(string label, Action query)
        {
            var times = new List<double>();
            for (var run = 0; run < Runs + 1; run++)
            {
                var watch = Stopwatch.StartNew();
                query();
                watch.Stop();
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sqlite: {label,-60} median {median,8:F1} ms"));
            return median;
        }

        void Dashboard(DataScope scope)
        {
            kpis.MeasureHandlingTimesAsync(calendar).GetAwaiter().GetResult();
            kpis.IntakeByChannelAsync(today, today.AddDays(1), KpiFilter.None, scope).GetAwaiter().GetResult();
            kpis.OpenCasesAsync(KpiFilter.None, scope, Now).GetAwaiter().GetResult();
            // As KpiReports.BreakdownsAsync reads them: one pass per department × street, open cases per key.
            kpis.TotalsByEachAsync([KpiGrouping.Department, KpiGrouping.Street], monthFrom, monthTo, KpiFilter.None, scope, Now).GetAwaiter().GetResult();
            foreach (var grouping in new[] { KpiGrouping.Department, KpiGrouping.Street })
            {
                kpis.OpenCasesByAsync(grouping, KpiFilter.None, scope, Now).GetAwaiter().GetResult();
            }

            kpis.TotalsPerPeriodAsync(days, KpiFilter.None, scope, Now).GetAwaiter().GetResult();
            var warnings = hotspots.Assess(kpis.HotspotCountsAsync(hotspots.Windows(Now), KpiGrouping.Community, scope).GetAwaiter().GetResult());
            _ = warnings.Count;
        }

        Median("measure pending handling times (none pending)", () => kpis.MeasureHandlingTimesAsync(calendar).GetAwaiter().GetResult());
        Median("today's intake by channel, district", () => kpis.IntakeByChannelAsync(today, today.AddDays(1), KpiFilter.None, district).GetAwaiter().GetResult());
        Median("open and overdue now, district", () => kpis.OpenCasesAsync(KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("open and overdue now per department, district", () => kpis.OpenCasesByAsync(KpiGrouping.Department, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("November per department, district", () => kpis.TotalsByAsync(KpiGrouping.Department, monthFrom, monthTo, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("November per department × street, district", () => kpis.TotalsByEachAsync([KpiGrouping.Department, KpiGrouping.Street], monthFrom, monthTo, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("November per day, district", () => kpis.TotalsPerPeriodAsync(days, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        var month = Median("dashboard of November, district leader (every query)", () => Dashboard(district));
        Median("dashboard of November, street leader (every query)", () => Dashboard(street));
        Median("month totals, district", () => kpis.TotalsAsync(monthFrom, monthTo, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("year totals per department, district", () => kpis.TotalsByAsync(KpiGrouping.Department, yearFrom, Now, KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("year trend per week, district", () => kpis.TotalsPerPeriodAsync(
            [.. Enumerable.Range(0, 53).Select(w => yearFrom.AddDays(7 * w)).Append(yearFrom.AddDays(7 * 53))], KpiFilter.None, district, Now).GetAwaiter().GetResult());
        Median("hotspot counts, 15 days per community", () => kpis.HotspotCountsAsync(hotspots.Windows(Now), KpiGrouping.Community, district).GetAwaiter().GetResult());
        return string.Create(CultureInfo.InvariantCulture, $"kpi_ms={month:F0}");
    }

    private static string StreetId(int street) => string.Create(CultureInfo.InvariantCulture, $"310199{street + 1:000}");

    private static string CommunityId(int street, int community) => StreetId(street) + string.Create(CultureInfo.InvariantCulture, $"{community + 1:000}");

    private static string Text(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)!;

    /// <summary>
    /// A year of cases routed ten minutes after opening (70 % automatically; a tenth of the last day's still waiting),
    /// due two days later, done within one hour to four days and closed a day after: what is open is the last days' intake. Handling time is stored as already measured (a share of
    /// the elapsed time): the benchmark times the queries, not the measuring.
    /// </summary>
    private static void Load(SqliteConnection connection, int count)
    {
        var random = new Random(20261120);
        var start = Now.AddDays(-365);
        var seconds = (int)(Now - start).TotalSeconds;
        using var cases = connection.CreateCommand();
        cases.CommandText = """
            INSERT INTO cases (row_id, id, number, category_code, street_id, community_id, channel, severity, status,
                lead_department_id, auto_dispatched, opened_at, first_report_at, last_report_at, due_at, first_dispatched_at,
                completed_at, closed_at, return_count, send_back_count, reopen_count, citizen_satisfied, handling_work_seconds,
                handling_measured_for)
            VALUES ($row, $id, $id, $category, $street, $community, $channel, 'normal', $status, $department, $auto, $opened,
                $opened, $opened, $due, $dispatched, $completed, $closed, $returns, $sendBacks, $reopens, $satisfied, $handling, $completed)
            """;
        string[] names = ["$row", "$id", "$category", "$street", "$community", "$channel", "$status", "$department", "$auto", "$opened",
            "$due", "$dispatched", "$completed", "$closed", "$returns", "$sendBacks", "$reopens", "$satisfied", "$handling"];
        foreach (var name in names)
        {
            cases.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        using var reports = connection.CreateCommand();
        reports.CommandText = """
            INSERT INTO case_reports (channel, source_id, case_id, category_code, photos, received_at)
            VALUES ($channel, $id, $id, $category, '[]', $opened)
            """;
        foreach (var name in new[] { "$channel", "$id", "$category", "$opened" })
        {
            reports.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        SqliteTransaction? transaction = null;
        for (var i = 0; i < count; i++)
        {
            if (i % 50_000 == 0)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                cases.Transaction = transaction;
                reports.Transaction = transaction;
            }

            var opened = start.AddSeconds((long)i * seconds / count + random.Next(60));
            var street = random.Next(Streets);
            var age = Now - opened;
            var dispatched = age > TimeSpan.FromDays(1) || random.Next(10) < 9 ? opened.AddMinutes(10) : (DateTimeOffset?)null;
            var completed = dispatched is { } d && (age > TimeSpan.FromDays(5) || random.Next(3) == 0)
                ? d.AddMinutes(random.Next(60, 4 * 24 * 60)) : (DateTimeOffset?)null;
            if (completed > Now)
            {
                completed = null;
            }

            var closed = completed is { } c && c.AddDays(1) < Now && (c.AddDays(3) < Now || random.Next(2) == 0) ? c.AddDays(1) : (DateTimeOffset?)null;
            var status = closed is not null ? "Closed" : completed is not null ? "AwaitingReview" : dispatched is not null ? (random.Next(2) == 0 ? "Dispatched" : "Handling") : "Filed";
            var satisfaction = closed is null ? (int?)null : random.Next(10) switch { < 8 => 1, 8 => 0, _ => null };
            var id = string.Create(CultureInfo.InvariantCulture, $"case-{i:0000000}");
            var category = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 9):00}{random.Next(1, 11):00}");
            var channel = Channels[random.Next(Channels.Length)];
            object?[] values =
            [
                i + 1, id, category, StreetId(street), CommunityId(street, random.Next(3)), channel, status,
                dispatched is null ? null : random.Next(4) == 0 ? StreetId(street) + "-law" : Departments[random.Next(Departments.Length)],
                dispatched is not null && random.Next(10) < 7 ? 1 : 0, Text(opened), dispatched is { } due ? Text(due.AddDays(2)) : null,
                Text(dispatched), Text(completed), Text(closed), random.Next(12) == 0 ? 1 : 0, random.Next(20) == 0 ? 1 : 0,
                satisfaction == 0 ? 1 : 0, satisfaction, completed is { } done ? (long)((done - dispatched!.Value).TotalSeconds * 0.3) : null,
            ];
            for (var p = 0; p < values.Length; p++)
            {
                cases.Parameters[p].Value = values[p] ?? DBNull.Value;
            }

            cases.ExecuteNonQuery();
            reports.Parameters[0].Value = channel;
            reports.Parameters[1].Value = id;
            reports.Parameters[2].Value = category;
            reports.Parameters[3].Value = Text(opened);
            reports.ExecuteNonQuery();
        }

        transaction?.Commit();
    }
}

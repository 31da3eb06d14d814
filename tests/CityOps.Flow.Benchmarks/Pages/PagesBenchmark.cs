using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityOps.Flow.Benchmarks.CaseSearch;
using CityOps.Flow.Benchmarks.Search;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Benchmarks.Pages;

/// <summary>
/// The portal's busiest pages with a year of a district's cases in the database (1,000,000 unless the second argument
/// says otherwise): the portal (Release build) starts on a fresh data folder, seeds the demo district and files a few
/// real cases through intake; then the generated cases, with a lifecycle instance and an open task for every case
/// still open, are written into its SQLite file; the portal starts again on it and real signed-in GETs are timed
/// over loopback: the inbox of a department handler and of the district dispatcher, case searches (street + keyword +
/// range, status + department, the newest of the district) and case pages (real cases with their history and
/// diagram, and generated ones). Each figure is the 95th percentile of the requests of its kind after a warm-up.
/// With <c>--keep</c> the data folder stays for looking into a query (its path is printed first).
/// </summary>
public static class PagesBenchmark
{
    private const int Requests = 40;
    private const int WarmUp = 5;

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var counts = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var count = counts.Count > 0 ? int.Parse(counts[0], CultureInfo.InvariantCulture) : 1_000_000;
        var keep = args.Contains("--keep");
        var root = RepositoryFiles.Root();
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-pages-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            if (keep)
            {
                Console.WriteLine($"the data folder stays: {data}");
            }

            var realCases = new List<string>();
            await using (var portal = await PortalProcess.StartAsync(root, data))
            {
                using var operatorClient = await portal.SignInAsync("operator", "Operator#2026");
                realCases.AddRange(await FileRealCasesAsync(operatorClient));
            }

            SqliteConnection.ClearAllPools();
            var district = CaseDistrict.Demo(root);
            var load = Stopwatch.StartNew();
            int tasks;
            using (var database = SqliteConnectionFactory.ForDataDirectory(data))
            using (var connection = (SqliteConnection)database.Open())
            {
                var offset = connection.ExecuteScalar<long>("SELECT coalesce(max(row_id), 0) FROM cases");
                var version = connection.ExecuteScalar<int>("SELECT max(process_version) FROM workflow_instances WHERE process_id = @p", new { p = InboxTasks.LifecycleProcessId });
                var generated = GeneratedCases.Generate(count, district, DateTimeOffset.UtcNow)
                    .Select(c => InboxTasks.WithInstance(c with { RowId = c.RowId + offset }))
                    .ToList();
                GeneratedCases.LoadSqlite(connection, generated);
                tasks = InboxTasks.Load(connection, generated, version, district.Departments, RepositoryFiles.DemoCalendar());
                connection.Execute("ANALYZE main");
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }

            SqliteConnection.ClearAllPools();
            Console.WriteLine($"loaded {count:N0} cases and {tasks:N0} open tasks in {load.Elapsed.TotalSeconds:F1} s");

            await using var host = await PortalProcess.StartAsync(root, data);
            using var handler = await host.SignInAsync("handler", "Handler#2026");
            using var dispatcher = await host.SignInAsync("dispatcher", "Dispatcher#2026");
            using var reader = await host.SignInAsync("operator", "Operator#2026");

            var random = new Random(11);
            var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
            string Day(DateTimeOffset d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            string SearchUrl(int i) => (i % 3) switch
            {
                0 => $"/cases?street={district.Streets[random.Next(district.Streets.Count)]}&q={Uri.EscapeDataString(GeneratedCases.ObjectWords[random.Next(GeneratedCases.ObjectWords.Count)])}"
                    + $"&from={Day(today.AddDays(-random.Next(30, 120)))}&to={Day(today.AddDays(-random.Next(0, 30)))}",
                1 => $"/cases?status=Handling&department={district.Departments[random.Next(district.Departments.Count)]}",
                _ => "/cases",
            };
            string CaseUrl(int i) => i % 2 == 0
                ? $"/cases/{realCases[i / 2 % realCases.Count]}"
                : $"/cases/c-{random.Next(1, count)}";

            var inbox = await MeasureAsync("inbox (handler)", i => (handler, "/inbox"));
            inbox.AddRange(await MeasureAsync("inbox (district dispatcher)", i => (dispatcher, "/inbox")));
            var search = await MeasureAsync("case search", i => (reader, SearchUrl(i)));
            var cases = await MeasureAsync("case page", i => (reader, CaseUrl(i)));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT inbox_ms={SearchBenchmark.Percentile(inbox, 0.95):F0} search_ms={SearchBenchmark.Percentile(search, 0.95):F0} case_ms={SearchBenchmark.Percentile(cases, 0.95):F0}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<List<double>> MeasureAsync(string label, Func<int, (HttpClient Client, string Path)> request)
    {
        var times = new List<double>();
        var bytes = 0L;
        for (var i = 0; i < WarmUp + Requests; i++)
        {
            var (client, path) = request(i);
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
            }

            if (i >= WarmUp)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes += body.Length;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-30} n={times.Count}  median {SearchBenchmark.Percentile(times, 0.5),7:F1} ms  p95 {SearchBenchmark.Percentile(times, 0.95),7:F1} ms  max {times.Max(),7:F1} ms  ({bytes / times.Count / 1024} KiB a page)"));
        return times;
    }

    /// <summary>Reports through the intake API, so some cases have a real lifecycle instance, history and diagram.</summary>
    private static async Task<List<string>> FileRealCasesAsync(HttpClient client)
    {
        (double Latitude, double Longitude, string Category, string Description)[] reports =
        [
            (31.052, 121.579, "0109", "路灯不亮，晚上很黑"),
            (31.0832, 121.5668, "0101", "上水井盖缺失，有人差点掉下去"),
            (31.06, 121.55, "0109", "小区门口路灯闪烁"),
            (31.07, 121.59, "0101", "人行道井盖松动"),
            (31.045, 121.565, "0109", "公交站旁路灯不亮"),
            (31.09, 121.575, "0101", "井盖破损，车辆经过有响声"),
        ];
        var ids = new List<string>();
        foreach (var (report, index) in reports.Select((r, i) => (r, i)))
        {
            var response = await client.PostAsJsonAsync("/api/intake/reports", new
            {
                channel = "app",
                sourceId = "pages-bench-" + index.ToString(CultureInfo.InvariantCulture),
                categoryCode = report.Category,
                description = report.Description,
                location = new { point = new { latitude = report.Latitude, longitude = report.Longitude }, address = "浦江路 100 号" },
                reporter = new { name = "张三丰", phone = "138 1234 5678" },
            });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Intake refused a report: {(int)response.StatusCode} {body}");
            }

            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("caseId").GetString()!);
        }

        return ids;
    }
}

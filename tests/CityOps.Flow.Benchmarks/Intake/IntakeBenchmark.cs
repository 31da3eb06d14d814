using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.DemoOrganisation;
using CityOps.Flow.Web.Hosting;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Workers;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Benchmarks.Intake;

/// <summary>
/// An AI video alarm storm into SQLite through the product's intake: 50,000 alarms from cameras at 500 places of the
/// demo district, in batches as the alarm endpoint admits them (<see cref="CaseIntake.ReceiveBatchAsync"/>), on a host
/// built with the product's own registrations (real SQLite file, migrations, demo organisation, deployed workflows,
/// a lifecycle instance started for every new case, the lifecycle sync running). Checks the clustering: one case per
/// (place, algorithm's category), every alarm stored once and counted in its case's cluster.
/// </summary>
public static class IntakeBenchmark
{
    private const int Alarms = 50_000;
    private const int Places = 500;
    private const int BatchSize = 250;

    private static readonly (string Algorithm, string Category)[] Algorithms =
    [
        ("street-vending/2.3", "E0501"), ("outside-trading/1.8", "E0502"), ("bicycle-parking/3.1", "E0503"),
        ("car-parking/2.0", "E0504"), ("exposed-rubbish/4.2", "E0101"), ("pavement-goods/1.5", "E0506"),
        ("open-barbecue/1.1", "E0505"), ("burning-rubbish/2.6", "E0107"),
    ];

    public static void Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task RunAsync(string[] args)
    {
        var alarms = args.Skip(1).FirstOrDefault() is { } count && int.TryParse(count, out var n) ? n : Alarms;
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-bench-intake", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await using var app = await StartHostAsync(data);
            var intake = app.Services.GetRequiredService<CaseIntake>();
            var places = PlacesOfTheDistrict();
            var reports = Storm(places, alarms, DateTimeOffset.UtcNow);
            var expectedCases = reports.Select(r => (PlaceOf(r), r.CategoryCode)).Distinct().Count();
            Console.WriteLine($"intake: {alarms:N0} AI video alarms from {Places} places into SQLite ({data}), batches of {BatchSize}");

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var opened = 0;
            var joined = 0;
            var joinOnly = (Alarms: 0, Time: TimeSpan.Zero);
            foreach (var batch in reports.Chunk(BatchSize))
            {
                var batchStarted = Stopwatch.GetTimestamp();
                var outcome = await intake.ReceiveBatchAsync(batch, "bench-video-box");
                if (!outcome.Accepted)
                {
                    throw new InvalidOperationException("a batch was refused: " + string.Join("; ", outcome.Problems));
                }

                var openedNow = outcome.Admitted.Count(a => a.Decision == IntakeDecision.Opened && !a.Replayed);
                opened += openedNow;
                joined += outcome.Admitted.Count(a => a.Decision == IntakeDecision.Joined && !a.Replayed);
                if (openedNow == 0)
                {
                    joinOnly = (joinOnly.Alarms + batch.Length, joinOnly.Time + Stopwatch.GetElapsedTime(batchStarted));
                }
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var perSecond = alarms / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"admitted {alarms:N0} alarms in {watch.Elapsed.TotalSeconds:F1} s: {perSecond:F0} alarms/s; opened {opened}, joined {joined}");
            Console.WriteLine($"CPU time of this process: {cpu.TotalSeconds:F1} s, {cpu.TotalMicroseconds / alarms:F0} µs an alarm " +
                $"(on a busy machine the wall-clock rate falls with the share of the cores this process gets)");
            Console.WriteLine($"batches that only joined: {joinOnly.Alarms:N0} alarms at {joinOnly.Alarms / Math.Max(0.001, joinOnly.Time.TotalSeconds):F0} alarms/s; " +
                $"the rest (opening {opened} cases, each starting its lifecycle): {(watch.Elapsed - joinOnly.Time).TotalSeconds:F1} s");

            var stored = await CheckAsync(app.Services.GetRequiredService<IDbConnectionFactory>(), alarms, expectedCases);
            Console.WriteLine($"expected cases (distinct place and category in the data): {expectedCases}; cases stored: {stored.Cases}; " +
                $"with a lifecycle instance: {stored.WithInstance}; reports stored: {stored.Reports}; sum of cluster sizes: {stored.ClusterTotal}; " +
                $"ReportJoined events: {stored.JoinedEvents}");
            var sync = app.Services.GetRequiredService<CaseIntakeLifecycleSync>();
            watch.Restart();
            var told = await sync.RunRoundAsync();
            Console.WriteLine($"lifecycle sync after the storm: {told} instances brought up to date in {watch.Elapsed.TotalSeconds:F1} s");
            if (opened != expectedCases)
            {
                throw new InvalidOperationException($"clustering is wrong: {opened} cases opened, {expectedCases} expected");
            }

            // The host says goodbye on the console as it stops: stop it first so the RESULT line is the last.
            await app.StopAsync();
            Console.WriteLine($"RESULT alarms_per_s={perSecond.ToString("F0", CultureInfo.InvariantCulture)} cases={opened}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The product's host without its portal: storage, workflow runtime, intake and the demo organisation.</summary>
    private static async Task<WebApplication> StartHostAsync(string dataDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Workflows:Directory"] = Path.Combine(RepositoryFiles.Root(), "workflows"),
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCityOpsStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddWorkflowRuntime(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddCaseIntake(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddCityAddresses(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddPortalDataProtection(builder.Configuration);
        builder.Services.AddCityOpsIdentity();
        builder.Services.AddDemoOrganisation(builder.Configuration);
        builder.Services.AddSingleton<StartupReport>();
        var app = builder.Build();
        await app.PrepareStorageAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>Camera places on a 25 × 20 grid over the district, 350–520 m apart, so no two places share a cluster.</summary>
    private static GeoPoint[] PlacesOfTheDistrict() =>
        [.. Enumerable.Range(0, Places).Select(i => new GeoPoint(31.012 + (i / 20) * 0.0032, 121.462 + (i % 20) * 0.0055))];

    /// <summary>
    /// Alarms at random places, each from its place's camera and algorithm, within 15 m of the camera's spot and the
    /// last two hours; seeded, so every run sends the same storm.
    /// </summary>
    private static IntakeReport[] Storm(GeoPoint[] places, int alarms, DateTimeOffset now)
    {
        var random = new Random(20261121);
        return [.. Enumerable.Range(0, alarms).Select(i =>
        {
            var place = random.Next(places.Length);
            var (algorithm, category) = Algorithms[place % Algorithms.Length];
            var spot = places[place];
            return new IntakeReport
            {
                Channel = Channel.VideoAlarm,
                SourceId = $"cam-{place:D3}-{i:D6}",
                CategoryCode = category,
                Description = $"AI 识别：{algorithm}",
                Location = new ReportLocation
                {
                    Point = new GeoPoint(spot.Latitude + (random.NextDouble() - 0.5) * 0.0002, spot.Longitude + (random.NextDouble() - 0.5) * 0.0002),
                },
                OccurredAt = now.AddSeconds(-random.Next(7200)),
                ReceivedAt = now,
                Details = new VideoAlarmDetails { CameraId = $"cam-{place:D3}", Algorithm = algorithm, Confidence = 0.6 + random.NextDouble() * 0.4 },
            };
        })];
    }

    private static string PlaceOf(IntakeReport report) => report.SourceId[..7];

    private static async Task<(long Cases, long WithInstance, long Reports, long ClusterTotal, long JoinedEvents)> CheckAsync(
        IDbConnectionFactory connections, int alarms, int expectedCases)
    {
        await using var connection = await connections.OpenAsync();
        var stored = await connection.QuerySingleAsync<(long Cases, long WithInstance, long Reports, long ClusterTotal, long JoinedEvents)>(
            """
            SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM cases WHERE process_instance_id IS NOT NULL),
                (SELECT COUNT(*) FROM case_reports), (SELECT COALESCE(SUM(cluster_size), 0) FROM cases),
                (SELECT COUNT(*) FROM case_events WHERE kind = 'ReportJoined')
            """);
        if (stored.Cases != expectedCases || stored.WithInstance != expectedCases || stored.Reports != alarms
            || stored.ClusterTotal != alarms || stored.JoinedEvents != alarms - expectedCases)
        {
            throw new InvalidOperationException($"stored state is wrong: {stored}");
        }

        return stored;
    }
}

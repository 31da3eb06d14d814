using System.Diagnostics;
using System.Globalization;
using CityOps.Flow.Benchmarks.CaseSearch;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityOps.Flow.Benchmarks.Search;

/// <summary>
/// The search people run most: a keyword within one street over a time range, through
/// <see cref="CaseRepository.SearchAsync"/> as the portal calls it, over 1,000,000 generated cases (the second argument
/// overrides the count) on SQLite. 300 searches vary street, keyword (common objects, two-word phrases, road names,
/// the rare 煤气罐) and range (a week, a month, a quarter); the figure is the 95th percentile of a first page of 50.
/// </summary>
public static class SearchBenchmark
{
    private const int Searches = 300;
    private const int WarmUp = 20;

    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-search-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var database = new SqliteConnectionFactory($"Data Source={Path.Combine(folder, "cases.db")}");
            new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).ApplyAsync().GetAwaiter().GetResult();
            var load = Stopwatch.StartNew();
            using (var connection = (SqliteConnection)database.Open())
            {
                GeneratedCases.LoadSqlite(connection, GeneratedCases.Generate(count, CaseDistrict.Synthetic));
                connection.Execute("ANALYZE main");
            }

            Console.WriteLine($"loaded {count:N0} cases in {load.Elapsed.TotalSeconds:F1} s");
            var repository = new CaseRepository(database);
            var district = CaseDistrict.Synthetic;
            var districtScope = new DataScope([.. district.Streets.Concat(district.CommunitiesByStreet.Values.SelectMany(c => c))], []);
            var random = new Random(7);
            var yearEnd = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
            string[] rangeNames = ["week", "month", "quarter"];
            int[] rangeDays = [7, 30, 91];

            var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var all = new List<double>();
            var found = 0L;
            for (var run = 0; run < WarmUp + Searches; run++)
            {
                var street = district.Streets[random.Next(district.Streets.Count)];
                var (kind, keyword) = (run % 4) switch
                {
                    0 => ("object", GeneratedCases.ObjectWords[random.Next(GeneratedCases.ObjectWords.Count)]),
                    1 => ("phrase", GeneratedCases.ProblemPhrases[random.Next(GeneratedCases.ProblemPhrases.Count)]),
                    2 => ("road", GeneratedCases.RoadWords[random.Next(GeneratedCases.RoadWords.Count)]),
                    _ => ("rare", GeneratedCases.RareWord),
                };
                var range = random.Next(rangeDays.Length);
                var to = yearEnd.AddDays(-random.Next(0, 200));
                var query = new CaseQuery { AreaId = street, Keyword = keyword, OpenedFrom = to.AddDays(-rangeDays[range]), OpenedTo = to };
                // Street staff search their own street; district staff search within the whole district.
                var scope = run % 2 == 0 ? DataScope.ForAreas([street, .. district.CommunitiesByStreet[street]]) : districtScope;

                var watch = Stopwatch.StartNew();
                var page = repository.SearchAsync(query, scope, 50).GetAwaiter().GetResult();
                watch.Stop();
                if (run < WarmUp)
                {
                    continue;
                }

                found += page.Cases.Count;
                var ms = watch.Elapsed.TotalMilliseconds;
                all.Add(ms);
                var key = kind + "+" + rangeNames[range];
                (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(ms);
            }

            foreach (var (key, list) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"keyword {key,-16} n={list.Count,3}  median {Percentile(list, 0.5),7:F2} ms  p95 {Percentile(list, 0.95),7:F2} ms  max {list.Max(),7:F2} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"all {all.Count} searches: median {Percentile(all, 0.5):F2} ms, p95 {Percentile(all, 0.95):F2} ms, max {all.Max():F2} ms, {found / (double)all.Count:F1} cases a page"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT search_p95_ms={Percentile(all, 0.95):F1}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

using System.Globalization;
using CityOps.Flow.Replay311;

// replay-311 [--host http://127.0.0.1:5080] [--user operator] [--password Operator#2026] [--speed 50] [--skip N] [--limit N] [--data FILE]
var options = args.Chunk(2).Where(pair => pair.Length == 2 && pair[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(pair => pair[0][2..], pair => pair[1], StringComparer.Ordinal);
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);

var data = Option("data", LocateData());
var requests = La311File.Read(data)
    .Skip(int.Parse(Option("skip", "0"), CultureInfo.InvariantCulture))
    .Take(int.Parse(Option("limit", int.MaxValue.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture))
    .ToList();
var speed = double.Parse(Option("speed", "50"), CultureInfo.InvariantCulture);
var host = new Uri(Option("host", "http://127.0.0.1:5080"));
var map = RequestTypeMap.Load(Option("mapping", Path.Combine(AppContext.BaseDirectory, "request-types.json")));

Console.WriteLine($"Replaying {requests.Count} MyLA311 requests from {data} into {host} at {speed}× " +
    $"({(requests.Count == 0 ? TimeSpan.Zero : (requests[^1].CreatedAt - requests[0].CreatedAt) / speed):g} of sending)");
using var http = await Replay.SignInAsync(host, Option("user", "operator"), Option("password", "Operator#2026"));
var replayed = await new Replay(http, map, Console.Out).RunAsync(requests, speed);
var counts = ReplayCounts.Of(replayed);
Console.WriteLine(counts);
return counts.Refused == 0 ? 0 : 1;

// The data lives in ../shared/data/311 beside the repository (the folder holding CityOps.Flow.sln).
static string LocateData()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "311", "MyLA311_Service_Request_Data_2017_Subset.csv"));
            }
        }
    }

    throw new InvalidOperationException("CityOps.Flow.sln not found above the tool or the working directory; pass --data FILE");
}

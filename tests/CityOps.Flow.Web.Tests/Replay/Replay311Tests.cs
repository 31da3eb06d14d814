using CityOps.Flow.Replay311;
using CityOps.Flow.Web.Tests.Durable;
using Xunit.Abstractions;

namespace CityOps.Flow.Web.Tests.Replay;

/// <summary>A slice of the Los Angeles 311 data replayed through a real host's intake API over HTTP.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class Replay311Tests(ITestOutputHelper output)
{
    private const int Slice = 400;

    [Fact]
    public async Task Every_replayed_request_is_accepted_duplicates_are_clustered_and_a_second_replay_creates_nothing()
    {
        var data = Path.Combine(DurableFiles.RepositoryRoot, "..", "shared", "data", "311", "MyLA311_Service_Request_Data_2017_Subset.csv");
        var map = RequestTypeMap.Load(Path.Combine(DurableFiles.RepositoryRoot, "samples", "replay-311", "request-types.json"));
        var requests = La311File.Read(data).Take(Slice).ToList();
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-replay-tests", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Storage:DataDirectory"] = folder });
            using var http = await Replay311.Replay.SignInAsync(host.Address, "operator", "Operator#2026");
            var log = new StringWriter();

            // The slice spans 66 minutes of requests: 500 times faster it is sent within about eight seconds.
            var replayed = await new Replay311.Replay(http, map, log).RunAsync(requests, speedUp: 500);
            var again = await new Replay311.Replay(http, map, log).RunAsync(requests, speedUp: 100_000);

            var counts = ReplayCounts.Of(replayed);
            output.WriteLine(counts.ToString());
            Assert.True(counts.Refused == 0, log.ToString());
            Assert.Equal(Slice, counts.Accepted);
            Assert.Equal(Slice, counts.Opened + counts.Joined);
            Assert.True(counts.Joined >= 21, counts.ToString());
            Assert.Equal(counts.Opened, replayed.Select(r => r.CaseId).Distinct().Count());

            // Requests of one type at one spot within a day are the same problem: every one of them is in one case.
            var sameSpot = replayed.Where(r => r.Latitude is not null)
                .GroupBy(r => (r.CategoryCode, r.Latitude, r.Longitude))
                .Where(g => g.Count() > 1 && g.Max(r => r.OccurredAt) - g.Min(r => r.OccurredAt) < TimeSpan.FromHours(24))
                .ToList();
            Assert.NotEmpty(sameSpot);
            Assert.All(sameSpot, g => Assert.Single(g.Select(r => r.CaseId).Distinct()));

            var retried = ReplayCounts.Of(again);
            Assert.Equal(Slice, retried.Duplicates);
            Assert.Equal(replayed.Select(r => r.CaseId), again.Select(r => r.CaseId));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using Xunit.Abstractions;

namespace CityOps.Flow.Cases.Tests.Clustering;

/// <summary>The grid index against a plain all-pairs search on real 311 requests: the same cases, the same sizes.</summary>
public sealed class RealRequestClusteringTests(ITestOutputHelper output)
{
    private const double MetresPerDegreeLatitude = GeoPoint.EarthRadiusMetres * Math.PI / 180;

    private static readonly ClusteringRule Rule = new(100, TimeSpan.FromHours(24));

    [Fact]
    public void Grid_index_clusters_real_requests_exactly_as_an_all_pairs_search()
    {
        var requests = LosAngeles311.January2020.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = new DuplicateIndex(new ClusteringPolicy(Rule));
        var allCases = new List<ReferenceCase>();
        var activeByType = new Dictionary<string, List<ReferenceCase>>(StringComparer.Ordinal);

        var disagreements = 0;
        foreach (var request in requests)
        {
            var assignment = index.Assign(new ClusterReport(request.TypeId, request.Point, request.CreatedAt), request.Id);

            if (!activeByType.TryGetValue(request.TypeId, out var active))
            {
                activeByType.Add(request.TypeId, active = []);
            }

            // Requests arrive in time order, so a case whose window has passed can never match again.
            var now = request.CreatedAt.UtcTicks;
            active.RemoveAll(c => now > c.LastUtcTicks + Rule.Window.Ticks);
            ReferenceCase? nearest = null;
            var nearestDistance = double.MaxValue;
            foreach (var candidate in active)
            {
                // The great-circle distance is never shorter than the north-south separation: a safe, cheap rejection.
                if (Math.Abs(request.Point.Latitude - candidate.Point.Latitude) * MetresPerDegreeLatitude > Rule.RadiusMetres)
                {
                    continue;
                }

                var distance = request.Point.DistanceMetresTo(candidate.Point);
                if (distance <= Rule.RadiusMetres && distance < nearestDistance)
                {
                    (nearest, nearestDistance) = (candidate, distance);
                }
            }

            if (nearest is null)
            {
                nearest = new ReferenceCase(request.Id, request.Point) { LastUtcTicks = now };
                active.Add(nearest);
                allCases.Add(nearest);
            }
            else
            {
                nearest.Size++;
                nearest.LastUtcTicks = now;
            }

            disagreements += assignment.CaseId == nearest.CaseId ? 0 : 1;
        }

        output.WriteLine($"{requests.Count} requests made {allCases.Count} cases");
        Assert.Equal(0, disagreements);
        Assert.Equal(
            allCases.Select(c => (c.CaseId, c.Size)).OrderBy(c => c.CaseId, StringComparer.Ordinal),
            index.Snapshot().Select(c => (c.CaseId, c.Size)).OrderBy(c => c.CaseId, StringComparer.Ordinal));

        // Real requests do repeat: bulky items and dumping are reported by neighbours, graffiti by crews along a street.
        Assert.InRange(requests.Count - allCases.Count, 100, requests.Count / 2);
    }

    private sealed class ReferenceCase(string caseId, GeoPoint point)
    {
        public string CaseId { get; } = caseId;

        public GeoPoint Point { get; } = point;

        public long LastUtcTicks { get; set; }

        public int Size { get; set; } = 1;
    }
}

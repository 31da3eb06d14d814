using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using Xunit.Abstractions;

namespace CityOps.Flow.Cases.Tests.Clustering;

/// <summary>The grid index against a plain all-pairs search on real 311 requests: the same cases, the same sizes.</summary>
public sealed class RealRequestClusteringTests(ITestOutputHelper output)
{
    private static readonly ClusteringRule Rule = new(100, TimeSpan.FromHours(24));

    [Fact]
    public void Grid_index_clusters_real_requests_exactly_as_an_all_pairs_search()
    {
        var requests = LosAngeles311.January2020.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var index = new DuplicateIndex(new ClusteringPolicy(Rule));
        var reference = new List<(string CaseId, string Type, GeoPoint Point, DateTimeOffset First, DateTimeOffset Last, int Size)>();

        var referenceByType = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var disagreements = 0;
        foreach (var request in requests)
        {
            var assignment = index.Assign(new ClusterReport(request.TypeId, request.Point, request.CreatedAt), request.Id);

            var best = -1;
            var bestDistance = double.MaxValue;
            if (!referenceByType.TryGetValue(request.TypeId, out var sameType))
            {
                referenceByType.Add(request.TypeId, sameType = []);
            }

            foreach (var i in sameType)
            {
                var candidate = reference[i];
                if (request.CreatedAt > candidate.Last + Rule.Window || request.CreatedAt < candidate.First - Rule.Window)
                {
                    continue;
                }

                var distance = request.Point.DistanceMetresTo(candidate.Point);
                if (distance <= Rule.RadiusMetres && distance < bestDistance)
                {
                    (best, bestDistance) = (i, distance);
                }
            }

            string expectedCase;
            if (best < 0)
            {
                sameType.Add(reference.Count);
                reference.Add((request.Id, request.TypeId, request.Point, request.CreatedAt, request.CreatedAt, 1));
                expectedCase = request.Id;
            }
            else
            {
                var joined = reference[best];
                reference[best] = joined with { Last = request.CreatedAt > joined.Last ? request.CreatedAt : joined.Last, Size = joined.Size + 1 };
                expectedCase = joined.CaseId;
            }

            disagreements += assignment.CaseId == expectedCase ? 0 : 1;
        }

        output.WriteLine($"{requests.Count} requests made {reference.Count} cases");
        Assert.Equal(0, disagreements);
        Assert.Equal(reference.Count, index.OpenCaseCount);
        Assert.Equal(reference.Select(r => (r.CaseId, r.Size)).OrderBy(r => r.CaseId),
            index.Snapshot().Select(c => (c.CaseId, c.Size)).OrderBy(c => c.CaseId));

        // Real requests do repeat: bulky items and dumping are reported by neighbours, graffiti by crews along a street.
        Assert.InRange(requests.Count - reference.Count, 100, requests.Count / 2);
    }
}

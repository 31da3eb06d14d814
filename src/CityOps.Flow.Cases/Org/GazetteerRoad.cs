using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>
/// A road as a line of points with its house numbers running from the first point (<see cref="FirstNumber"/>) to the
/// last (<see cref="LastNumber"/>); a number is placed by its share of the way along.
/// </summary>
public sealed record GazetteerRoad
{
    /// <summary>Three digits; doorplate codes name the road by it (<c>PJ006-0120</c>).</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string NameEn { get; init; } = "";

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required int FirstNumber { get; init; }

    public required int LastNumber { get; init; }

    /// <summary>At least two points.</summary>
    public required IReadOnlyList<GeoPoint> Path { get; init; }

    public bool HasNumber(int number) => number >= FirstNumber && number <= LastNumber;

    /// <summary>Where the house number lies along the road (numbers outside the range are clamped to its ends).</summary>
    public GeoPoint PointAt(int number)
    {
        var share = LastNumber == FirstNumber ? 0 : Math.Clamp((double)(number - FirstNumber) / (LastNumber - FirstNumber), 0, 1);
        return PointAtShare(share);
    }

    /// <summary>Half way along the road.</summary>
    public GeoPoint Middle => PointAtShare(0.5);

    /// <summary>The point of the road nearest to <paramref name="target"/> (for "中环路, 三林镇": the part of the ring in 三林镇).</summary>
    public GeoPoint NearestTo(GeoPoint target)
    {
        var best = Path[0];
        var bestDistance = double.MaxValue;
        for (var i = 1; i < Path.Count; i++)
        {
            var (a, b) = (Path[i - 1], Path[i]);
            // Project in degrees scaled by the cosine of the latitude: accurate over a few kilometres.
            var k = Math.Cos(a.Latitude * Math.PI / 180);
            var (dx, dy) = ((b.Longitude - a.Longitude) * k, b.Latitude - a.Latitude);
            var (px, py) = ((target.Longitude - a.Longitude) * k, target.Latitude - a.Latitude);
            var lengthSquared = dx * dx + dy * dy;
            var t = lengthSquared == 0 ? 0 : Math.Clamp((px * dx + py * dy) / lengthSquared, 0, 1);
            var candidate = new GeoPoint(a.Latitude + t * (b.Latitude - a.Latitude), a.Longitude + t * (b.Longitude - a.Longitude));
            var distance = candidate.DistanceMetresTo(target);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private GeoPoint PointAtShare(double share)
    {
        var lengths = new double[Path.Count - 1];
        for (var i = 1; i < Path.Count; i++)
        {
            lengths[i - 1] = Path[i - 1].DistanceMetresTo(Path[i]);
        }

        var remaining = share * lengths.Sum();
        for (var i = 0; i < lengths.Length; i++)
        {
            if (remaining <= lengths[i] || i == lengths.Length - 1)
            {
                var t = lengths[i] == 0 ? 0 : Math.Min(1, remaining / lengths[i]);
                var (a, b) = (Path[i], Path[i + 1]);
                return new GeoPoint(a.Latitude + t * (b.Latitude - a.Latitude), a.Longitude + t * (b.Longitude - a.Longitude));
            }

            remaining -= lengths[i];
        }

        return Path[^1];
    }
}

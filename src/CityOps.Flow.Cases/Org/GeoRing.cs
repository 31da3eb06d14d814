using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>A closed ring of positions (the last equal to the first, or closed implicitly) with its bounding box.</summary>
public sealed class GeoRing
{
    private readonly double[] _latitudes;
    private readonly double[] _longitudes;

    public GeoRing(IReadOnlyList<GeoPoint> points)
    {
        var count = points.Count > 1 && points[0] == points[^1] ? points.Count - 1 : points.Count;
        _latitudes = new double[count];
        _longitudes = new double[count];
        for (var i = 0; i < count; i++)
        {
            _latitudes[i] = points[i].Latitude;
            _longitudes[i] = points[i].Longitude;
        }

        MinLatitude = count == 0 ? 0 : _latitudes.Min();
        MaxLatitude = count == 0 ? 0 : _latitudes.Max();
        MinLongitude = count == 0 ? 0 : _longitudes.Min();
        MaxLongitude = count == 0 ? 0 : _longitudes.Max();
    }

    /// <summary>Distinct corners (the closing point is not counted).</summary>
    public int Count => _latitudes.Length;

    public double MinLatitude { get; }

    public double MaxLatitude { get; }

    public double MinLongitude { get; }

    public double MaxLongitude { get; }

    /// <summary>
    /// Even-odd ray casting in degrees, which is exact enough for areas a few kilometres across; a point on an edge
    /// may fall either side, so neighbours sharing the edge never both claim it and never both miss it.
    /// </summary>
    public bool Contains(GeoPoint point)
    {
        if (point.Latitude < MinLatitude || point.Latitude > MaxLatitude || point.Longitude < MinLongitude || point.Longitude > MaxLongitude)
        {
            return false;
        }

        var inside = false;
        for (int i = 0, j = _latitudes.Length - 1; i < _latitudes.Length; j = i++)
        {
            if ((_latitudes[i] > point.Latitude) != (_latitudes[j] > point.Latitude)
                && point.Longitude < _longitudes[i] + (point.Latitude - _latitudes[i]) * (_longitudes[j] - _longitudes[i]) / (_latitudes[j] - _latitudes[i]))
            {
                inside = !inside;
            }
        }

        return inside;
    }
}

namespace CityOps.Flow.Replay311;

/// <summary>
/// Places Los Angeles requests in the demo district (浦江区, Shanghai): positions are mapped linearly from the
/// bounding box of the City of Los Angeles onto the district's, so neighbours stay neighbours (distances shrink about
/// six-fold); a request without a position goes to a street chosen by its council district.
/// </summary>
public static class DistrictProjection
{
    private const double LaSouth = 33.70, LaNorth = 34.34, LaWest = -118.67, LaEast = -118.15;
    private const double DistrictSouth = 31.005, DistrictNorth = 31.100, DistrictWest = 121.455, DistrictEast = 121.575;

    public static (double Latitude, double Longitude) Position(double latitude, double longitude) =>
        (DistrictSouth + (latitude - LaSouth) / (LaNorth - LaSouth) * (DistrictNorth - DistrictSouth),
         DistrictWest + (longitude - LaWest) / (LaEast - LaWest) * (DistrictEast - DistrictWest));

    /// <summary>Council district N (1–15) → street 3101990NN of the ten demo streets (N mod 10 + 1); none → the first street.</summary>
    public static string StreetOf(string councilDistrict) =>
        int.TryParse(councilDistrict, out var district) && district > 0
            ? $"310199{district % 10 + 1:D3}"
            : "310199001";
}

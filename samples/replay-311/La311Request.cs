namespace CityOps.Flow.Replay311;

/// <summary>One MyLA311 service request as the replay needs it.</summary>
public sealed record La311Request(
    string SrNumber,
    DateTimeOffset CreatedAt,
    string RequestType,
    string RequestSource,
    string Address,
    string CouncilDistrict,
    double? Latitude,
    double? Longitude);

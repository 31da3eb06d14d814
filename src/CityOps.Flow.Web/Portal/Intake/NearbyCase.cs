using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>An open case of the same category near the caller's place, offered to join.</summary>
public sealed record NearbyCase(CaseRecord Case, int DistanceMetres);

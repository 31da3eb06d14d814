using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Org;

/// <summary>A name offered while an address is typed, with where it lies.</summary>
public sealed record AddressSuggestion(string Label, string LabelEn, string Kind, GeoPoint Point, AreaPlacement? Placement);

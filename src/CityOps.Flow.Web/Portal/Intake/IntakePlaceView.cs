using CityOps.Flow.Cases.Org;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>An address as the desk placed it: what it was read as and the street, community and grid.</summary>
public sealed record IntakePlaceView(string MatchedName, AddressPrecision Precision, string? Note, OrgArea? Street, OrgArea? Community, OrgArea? Grid);

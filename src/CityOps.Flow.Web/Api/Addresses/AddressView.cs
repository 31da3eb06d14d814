namespace CityOps.Flow.Web.Api.Addresses;

/// <summary>A resolved address: what it was read as, how precisely, any remark, and where it lies.</summary>
public sealed record AddressView(string MatchedName, string Precision, string? Note, PlaceView Place);

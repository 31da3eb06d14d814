namespace CityOps.Flow.Web.Api.Addresses;

/// <summary>A name offered for a typed address.</summary>
public sealed record AddressSuggestionView(string Label, string LabelEn, string Kind, PlaceView? Place);

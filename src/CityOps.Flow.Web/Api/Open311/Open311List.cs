namespace CityOps.Flow.Web.Api.Open311;

/// <summary>A repeated element inside an item: a JSON array, in XML a wrapper holding one <see cref="ItemName"/> element per entry.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<Open311Item> Items);

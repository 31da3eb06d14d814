namespace CityOps.Flow.Web.Api.Open311;

/// <summary>
/// One record of a GeoReport answer as ordered fields: a JSON object, or an XML element with one child per field.
/// Values are strings, booleans, numbers, date-times, <see cref="Open311List"/>s or null.
/// </summary>
public sealed class Open311Item(IEnumerable<(string Name, object? Value)> fields)
{
    public IReadOnlyList<(string Name, object? Value)> Fields { get; } = [.. fields];
}

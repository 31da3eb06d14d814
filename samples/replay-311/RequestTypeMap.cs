using System.Text.Json;

namespace CityOps.Flow.Replay311;

/// <summary>MyLA311 request types → demo catalogue category codes, from request-types.json.</summary>
public sealed class RequestTypeMap(IReadOnlyDictionary<string, string> categories)
{
    public static RequestTypeMap Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var categories = document.RootElement.GetProperty("requestTypes").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? throw new InvalidDataException($"{path}: {p.Name} has no category"), StringComparer.Ordinal);
        return new RequestTypeMap(categories);
    }

    /// <summary>The category for the request type; a type the table lacks is an error, not a guess.</summary>
    public string CategoryOf(string requestType) =>
        categories.TryGetValue(requestType, out var code)
            ? code
            : throw new InvalidDataException($"request type '{requestType}' is not in the mapping table");
}

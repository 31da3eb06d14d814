using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CityOps.Flow.Engine.Runtime.History;

namespace CityOps.Flow.Storage;

/// <summary>The JSON form of history events and message variables as the workflow tables store them.</summary>
internal static class WorkflowJson
{
    private static readonly HashSet<string> HeaderShortcuts =
        [nameof(HistoryEvent.Sequence), nameof(HistoryEvent.InstanceId), nameof(HistoryEvent.Time), nameof(HistoryEvent.Actor), nameof(HistoryEvent.ElementId), nameof(HistoryEvent.Kind)];

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Every concrete history event type by its <see cref="HistoryEvent.Kind"/>, the discriminator column.</summary>
    private static readonly Dictionary<string, Type> EventTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(HistoryEvent)))
        .ToDictionary(t => ((HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)).Kind, StringComparer.Ordinal);

    public static string Serialize(HistoryEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static HistoryEvent Deserialize(string kind, string payload)
    {
        var type = EventTypes.GetValueOrDefault(kind)
            ?? throw new InvalidOperationException($"History event kind '{kind}' is stored but this version of the engine does not know it.");
        return (HistoryEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"History event of kind '{kind}' is stored as null."));
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            // The header shortcuts repeat what Header holds; only the header itself is written.
            if (info.Kind == JsonTypeInfoKind.Object && info.Type.IsSubclassOf(typeof(HistoryEvent)))
            {
                foreach (var property in info.Properties.Where(p => HeaderShortcuts.Contains(p.Name)).ToList())
                {
                    info.Properties.Remove(property);
                }
            }
        });

        var options = new JsonSerializerOptions(JsonSerializerDefaults.General) { TypeInfoResolver = resolver };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new FeelValueJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}

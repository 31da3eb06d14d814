using System.Collections.Concurrent;
using System.Xml.Linq;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// Deployed process versions as the case pages need them: the BPMN XML for the diagram and the names of its elements
/// for the timeline. A version never changes once deployed, so each is read from the store once.
/// </summary>
public sealed class ProcessModels(IWorkflowStore store)
{
    private readonly ConcurrentDictionary<(string ProcessId, int Version), ProcessModel?> _models = new();

    public ProcessModel? Find(string processId, int version) =>
        _models.TryGetValue((processId, version), out var found)
            ? found
            : _models.GetOrAdd((processId, version), key => store.FindProcess(key.ProcessId, key.Version) is { } record ? Read(record) : null);

    private static ProcessModel Read(ProcessDefinitionRecord record)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in XDocument.Parse(record.Xml).Descendants())
        {
            if (element.Attribute("id")?.Value is { } id && element.Attribute("name")?.Value is { Length: > 0 } name)
            {
                names.TryAdd(id, name);
            }
        }

        return new ProcessModel(record.ProcessId, record.Version, record.Xml, names);
    }
}

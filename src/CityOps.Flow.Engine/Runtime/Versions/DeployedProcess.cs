using System.Collections.Concurrent;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime.Versions;

/// <summary>A deployed process version with its read model and the flow reachability inclusive joins ask about.</summary>
internal sealed class DeployedProcess(ProcessDefinitionRecord record, BpmnDefinitions definitions, BpmnProcess process)
{
    private readonly ConcurrentDictionary<(string From, string To), bool> _reachable = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<EventSubProcess>> _eventSubProcesses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StartEvent?> _noneStarts = new(StringComparer.Ordinal);

    public ProcessDefinitionRecord Record { get; } = record;
    public BpmnDefinitions Definitions { get; } = definitions;
    public BpmnProcess Process { get; } = process;

    /// <summary>The event sub-processes directly in a scope (asked on every scope entry, so kept).</summary>
    public IReadOnlyList<EventSubProcess> EventSubProcessesOf(string scopeId) =>
        _eventSubProcesses.TryGetValue(scopeId, out var found) ? found : _eventSubProcesses.GetOrAdd(scopeId, Process.EventSubProcessesOf(scopeId));

    public StartEvent? NoneStartEventOf(string scopeId) =>
        _noneStarts.TryGetValue(scopeId, out var found) ? found : _noneStarts.GetOrAdd(scopeId, Process.NoneStartEventOf(scopeId));

    /// <summary>
    /// Whether a token at <paramref name="fromId"/> can still arrive at <paramref name="toId"/> by sequence flows,
    /// counting the ways out through boundary events; an inclusive join waits exactly for such tokens.
    /// </summary>
    public bool CanReach(string fromId, string toId) => _reachable.GetOrAdd((fromId, toId), key => Search(key.From, key.To));

    private bool Search(string fromId, string toId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { fromId };
        var pending = new Stack<string>();
        pending.Push(fromId);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            foreach (var next in Successors(id))
            {
                if (next == toId) return true;
                if (seen.Add(next)) pending.Push(next);
            }
        }

        return false;
    }

    private IEnumerable<string> Successors(string id)
    {
        foreach (var flow in Process.Outgoing(id)) yield return flow.TargetId;
        foreach (var boundary in Process.BoundaryEventsOf(id)) yield return boundary.Id;
    }
}

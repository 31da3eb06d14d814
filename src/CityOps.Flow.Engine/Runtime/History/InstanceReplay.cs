using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>Rebuilds an instance from its history alone: the auditor's step-by-step replay.</summary>
public static class InstanceReplay
{
    /// <summary>The state right after the event numbered <paramref name="upToSequence"/> (all events when null).</summary>
    public static ProcessInstanceState StateAt(IEnumerable<HistoryEvent> history, long? upToSequence = null)
    {
        var state = new ProcessInstanceState();
        foreach (var e in history)
        {
            if (upToSequence is { } last && e.Sequence > last) break;
            state.Apply(e);
        }

        return state;
    }

    /// <summary>Every intermediate state, one per event, for stepping through a case.</summary>
    public static IEnumerable<(HistoryEvent Event, ProcessInstanceState State)> Steps(IEnumerable<HistoryEvent> history)
    {
        var state = new ProcessInstanceState();
        foreach (var e in history)
        {
            state.Apply(e);
            yield return (e, state.Clone());
        }
    }
}

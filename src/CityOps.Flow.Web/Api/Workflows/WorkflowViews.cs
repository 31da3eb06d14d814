using System.Text.Json;
using System.Text.Json.Nodes;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>Translation between the engine's records and the API's JSON.</summary>
public static class WorkflowViews
{
    /// <summary>A JSON object of variables as FEEL values (numbers as decimals, nested objects as contexts).</summary>
    public static IReadOnlyDictionary<string, object?>? VariablesFrom(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } variables)
        {
            return null;
        }

        return variables.EnumerateObject().ToDictionary(p => p.Name, p => FeelJson.FromJson(p.Value), StringComparer.Ordinal);
    }

    public static InstanceView Instance(ProcessInstanceState state)
    {
        var variables = new JsonObject();
        if (state.Variables.TryGetValue(ProcessInstanceState.RootTokenId, out var root))
        {
            foreach (var (name, value) in root.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                variables[name] = FeelJson.ToJson(value);
            }
        }

        return new InstanceView(
            state.InstanceId, state.ProcessId, state.ProcessVersion, state.BusinessKey, state.Status.ToString(), state.StartedAt,
            state.EndedAt, variables,
            state.Tokens.Values.OrderBy(t => t.Id).Select(t => new TokenView(t.Id, t.ParentId, t.ElementId, t.Phase.ToString())).ToList(),
            state.OpenTasks.Values.OrderBy(t => t.CreatedAt).Select(Task).ToList(),
            IncidentsOf(state),
            state.Jobs.Count);
    }

    public static IReadOnlyList<IncidentView> IncidentsOf(ProcessInstanceState state) =>
        state.Incidents.Values
            .OrderBy(i => i.RaisedAt)
            .Select(i => new IncidentView(state.InstanceId, i.Id, i.ElementId, i.Kind.ToString(), i.Message, i.RaisedAt))
            .ToList();

    public static TaskView Task(UserTaskRecord t) => new(
        t.Id, t.InstanceId, t.ElementId, t.Name, t.ProcessId, t.ProcessVersion, t.Assignee, t.CandidateGroups, t.CandidateUsers,
        t.DueDate, t.Priority, t.FormKey, t.CreatedAt);

    public static HistoryEntry History(HistoryEvent e) =>
        new(e.Header.Sequence, e.Kind, e.Header.Time, e.Header.Actor, e.Header.ElementId);
}

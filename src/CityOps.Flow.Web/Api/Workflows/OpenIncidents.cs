using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Storage;
using Dapper;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>
/// The incidents still open across all instances. Only instances whose history ever raised one are loaded, so the
/// cost follows the number of troubled instances, not all of them.
/// </summary>
public sealed class OpenIncidents(IDbConnectionFactory connections, WorkflowEngine engine)
{
    public async Task<IReadOnlyList<IncidentView>> ListAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var instanceIds = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT instance_id FROM history_events WHERE kind = 'incident-raised'", cancellationToken: ct));
        return instanceIds
            .Select(id => engine.FindInstance(Guid.Parse(id)))
            .Where(state => state is not null)
            .SelectMany(state => WorkflowViews.IncidentsOf(state!))
            .OrderBy(incident => incident.RaisedAt)
            .ToList();
    }
}

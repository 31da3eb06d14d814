using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    private const int InstanceBatch = 500;

    /// <summary>
    /// The cases run by these workflow instances, unscoped: an inbox lists only tasks already offered to the caller,
    /// and a task offered to an assisting department is its way into a case it does not lead.
    /// </summary>
    public async Task<IReadOnlyList<CaseRecord>> ListByProcessInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct = default)
    {
        var found = new List<CaseRecord>(instanceIds.Count);
        if (instanceIds.Count == 0)
        {
            return found;
        }

        await using var connection = await connections.OpenAsync(ct);
        foreach (var batch in instanceIds.Distinct().Chunk(InstanceBatch))
        {
            var parameters = new DynamicParameters();
            var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
                $"SELECT {CaseColumns} FROM cases c WHERE {In("c.process_instance_id", "instances", batch, parameters)}",
                parameters,
                cancellationToken: ct));
            found.AddRange(rows.Select(r => r.ToRecord()));
        }

        return found;
    }
}

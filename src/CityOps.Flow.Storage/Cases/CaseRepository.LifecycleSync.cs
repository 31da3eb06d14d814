using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>Cases whose cluster grew since their lifecycle instance was last told, oldest first.</summary>
    public async Task<IReadOnlyList<LifecycleLag>> ListLifecycleLagsAsync(int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string CaseId, string CaseNumber, string ProcessInstanceId, long ClusterSize)>(new CommandDefinition(
            """
            SELECT id, number, process_instance_id, cluster_size
            FROM cases
            WHERE cluster_size <> lifecycle_cluster_size AND process_instance_id IS NOT NULL
            ORDER BY row_id
            LIMIT @limit
            """,
            new { limit },
            cancellationToken: ct));
        return [.. rows.Select(r => new LifecycleLag(r.CaseId, r.CaseNumber, r.ProcessInstanceId, (int)r.ClusterSize))];
    }

    /// <summary>Records that the lifecycle instance knows the cluster size; a smaller size never overwrites a larger one.</summary>
    public async Task MarkLifecycleToldAsync(string caseId, int clusterSize, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET lifecycle_cluster_size = @clusterSize WHERE id = @caseId AND lifecycle_cluster_size < @clusterSize",
            new { caseId, clusterSize },
            cancellationToken: ct));
    }

    /// <summary>
    /// Cases opened before <paramref name="openedBefore"/> that have no lifecycle instance: the node that opened them
    /// stopped between committing the case and starting its instance.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListCasesWithoutLifecycleAsync(DateTimeOffset openedBefore, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM cases WHERE process_instance_id IS NULL AND opened_at < @openedBefore ORDER BY opened_at LIMIT @limit",
            new { openedBefore = Instant(openedBefore), limit },
            cancellationToken: ct));
        return [.. ids];
    }
}

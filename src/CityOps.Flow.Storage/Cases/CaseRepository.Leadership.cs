using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// The due time the lifecycle now counts to (an approved extension, a reopening with a fresh limit); false for an
    /// unknown case.
    /// </summary>
    public async Task<bool> MoveDueAsync(string caseId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET due_at = @DueAt WHERE id = @caseId",
            new { caseId, DueAt = Instant(dueAt) },
            cancellationToken: ct)) == 1;
    }

    /// <summary>Marks the case as key (重点) or clears the mark; false for an unknown case.</summary>
    public async Task<bool> SetKeyCaseAsync(string caseId, bool isKeyCase, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET is_key_case = @isKeyCase WHERE id = @caseId",
            new { caseId, isKeyCase },
            cancellationToken: ct)) == 1;
    }
}

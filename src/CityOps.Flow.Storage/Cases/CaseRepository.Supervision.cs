using CityOps.Flow.Cases.Lifecycle;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>Statuses in which a department owes work against the case's limit (a returned case keeps its due time).</summary>
    private static readonly string[] LimitRunningStatuses =
    [
        nameof(CaseStatus.Filed), nameof(CaseStatus.Dispatched), nameof(CaseStatus.Handling),
        nameof(CaseStatus.JointHandling), nameof(CaseStatus.Reopened),
    ];

    /// <summary>
    /// The cases in the scope whose handling limit is running (they have a due time and nobody has reported them done
    /// yet), earliest due first; what the supervision board measures against the working-time calendar.
    /// </summary>
    public async Task<IReadOnlyList<CaseLimit>> ListRunningLimitsAsync(DataScope scope, int limit = 5000, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { Limit = limit });
        return [.. await connection.QueryAsync<CaseRow, LimitStartRow?, CaseLimit>(
            new CommandDefinition(
                $"""
                SELECT {CaseColumns}, c.first_dispatched_at AS FirstDispatchedAt
                FROM cases c
                WHERE {In("c.status", "Running", LimitRunningStatuses, parameters)} AND c.due_at IS NOT NULL
                    AND {ScopeFilter(scope, parameters)}
                ORDER BY c.due_at, c.row_id
                LIMIT @Limit
                """,
                parameters,
                cancellationToken: ct),
            (row, start) =>
            {
                var record = row.ToRecord();
                return new CaseLimit(record, SqlValues.ReadInstant(start?.FirstDispatchedAt) ?? record.OpenedAt);
            },
            splitOn: "FirstDispatchedAt")];
    }

    /// <summary>
    /// Supervision notices on the cases in the scope (or on the one case <paramref name="caseId"/>), newest first;
    /// <paramref name="since"/> bounds how far back.
    /// </summary>
    public async Task<IReadOnlyList<SupervisionNoticeEntry>> ListRecentSupervisionNoticesAsync(
        DataScope scope, DateTimeOffset? since = null, int limit = 100, string? caseId = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { Limit = limit, Since = Instant(since), CaseId = caseId });
        var rows = await connection.QueryAsync<NoticeEntryRow>(new CommandDefinition(
            $"""
            SELECT n.id AS Id, c.number AS CaseNumber, {NoticeColumns}
            FROM supervision_notices n JOIN cases c ON c.id = n.case_id
            WHERE {ScopeFilter(scope, parameters)} {(since is null ? "" : "AND n.issued_at >= @Since")} {(caseId is null ? "" : "AND n.case_id = @CaseId")}
            ORDER BY n.issued_at DESC, n.id DESC
            LIMIT @Limit
            """,
            parameters,
            cancellationToken: ct));
        return [.. rows.Select(r => new SupervisionNoticeEntry(r.Id, r.CaseNumber, r.ToNotice()))];
    }

    /// <summary>Moves the case's due time (an approved extension, a reopening); false for an unknown case.</summary>
    public async Task<bool> MoveDueAsync(string caseId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET due_at = @DueAt WHERE id = @caseId",
            new { caseId, DueAt = Instant(dueAt) },
            cancellationToken: ct)) == 1;
    }

    private sealed class LimitStartRow
    {
        public object? FirstDispatchedAt { get; set; }
    }

    private sealed class NoticeEntryRow : NoticeRow
    {
        public long Id { get; set; }

        public string CaseNumber { get; set; } = "";
    }
}

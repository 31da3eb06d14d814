using CityOps.Flow.Cases.Lifecycle;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// Appends the event if the case's history allows it (<see cref="CaseHistory.Project"/>), and keeps the case's
    /// status and reporting facts in step; a refused event leaves everything unchanged.
    /// </summary>
    public async Task<CaseEventOutcome> AppendEventAsync(string caseId, CaseEvent caseEvent, CancellationToken ct = default)
    {
        if (caseEvent.Kind == CaseEventKind.Reported)
        {
            return new CaseEventOutcome(null, "a case is reported only once, when it is opened");
        }

        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        var exists = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT id FROM cases WHERE id = @caseId{ForUpdate}", new { caseId }, transaction, cancellationToken: ct));
        if (exists is null)
        {
            return new CaseEventOutcome(null, $"case {caseId} is not stored");
        }

        var history = await ReadEventsAsync(connection, transaction, caseId, ct);
        var projection = CaseHistory.Project([.. history, caseEvent]);
        if (projection.Problem is { } problem)
        {
            return new CaseEventOutcome(CaseHistory.Project(history), problem);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO case_events (case_id, position, kind, at, actor, note) VALUES (@caseId, @position, @Kind, @At, @Actor, @Note);
            UPDATE cases SET status = @Status, first_dispatched_at = @FirstDispatchedAt, completed_at = @CompletedAt,
                closed_at = @ClosedAt, dispatch_count = @DispatchCount, return_count = @ReturnCount,
                send_back_count = @SendBackCount, reopen_count = @ReopenCount, citizen_satisfied = @CitizenSatisfied,
                event_count = @EventCount
            WHERE id = @caseId;
            """,
            new
            {
                caseId,
                position = history.Count + 1,
                Kind = caseEvent.Kind.ToString(),
                At = Instant(caseEvent.At),
                caseEvent.Actor,
                caseEvent.Note,
                Status = projection.Status.ToString(),
                FirstDispatchedAt = Instant(projection.FirstDispatchedAt),
                CompletedAt = Instant(projection.LastCompletedAt),
                ClosedAt = Instant(projection.ClosedAt),
                projection.DispatchCount,
                projection.ReturnCount,
                projection.SendBackCount,
                projection.ReopenCount,
                projection.CitizenSatisfied,
                projection.EventCount,
            },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return new CaseEventOutcome(projection, null);
    }

    /// <summary>The case's events in order, for the timeline and replay; empty when the case is unknown or out of scope.</summary>
    public async Task<IReadOnlyList<CaseEvent>> GetEventsAsync(string caseId, DataScope scope, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { caseId });
        var inScope = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT c.id FROM cases c WHERE c.id = @caseId AND {ScopeFilter(scope, parameters)}", parameters, cancellationToken: ct));
        return inScope is null ? [] : await ReadEventsAsync(connection, null, caseId, ct);
    }

    private static async Task<List<CaseEvent>> ReadEventsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string caseId, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT kind AS Kind, at AS At, actor AS Actor, note AS Note FROM case_events WHERE case_id = @caseId ORDER BY position",
            new { caseId },
            transaction,
            cancellationToken: ct));
        return [.. rows.Select(r => new CaseEvent(Enum.Parse<CaseEventKind>(r.Kind), SqlValues.ReadInstant(r.At)!.Value, r.Actor, r.Note))];
    }

    private sealed class EventRow
    {
        public string Kind { get; set; } = "";

        public object? At { get; set; }

        public string? Actor { get; set; }

        public string? Note { get; set; }
    }
}

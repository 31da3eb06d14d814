using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

/// <summary>
/// The audit log on SQLite or PostgreSQL. Appends are serialised on the chain-head row (SQLite: the single writer
/// lock of <c>BEGIN IMMEDIATE</c>; PostgreSQL: <c>SELECT ... FOR UPDATE</c>), so entries from every node form one chain.
/// </summary>
public sealed class SqlAuditLog(IDbConnectionFactory connections, TimeProvider clock) : IAuditLog
{
    /// <summary>How many entries verification reads per query.</summary>
    public const int DefaultPageSize = 1000;

    private const string Columns = """
        sequence AS Sequence, at AS At, actor_user_id AS ActorUserId, actor_roles AS ActorRoles, action AS Action,
        subject_type AS SubjectType, subject_id AS SubjectId, details AS DetailsJson, previous_hash AS PreviousHash,
        hash AS Hash
        """;

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
        var lockClause = connections.Dialect == SqlDialect.Postgres ? " FOR UPDATE" : "";
        var head = await connection.QuerySingleAsync<(long Sequence, string Hash)>(new CommandDefinition(
            "SELECT sequence, hash FROM audit_chain_head WHERE id = 1" + lockClause, transaction: transaction, cancellationToken: ct));

        var entry = AuditChain.Seal(auditEvent, head.Sequence + 1, clock.GetUtcNow(), head.Hash);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (sequence, at, actor_user_id, actor_roles, action, subject_type, subject_id, details, previous_hash, hash)
            VALUES (@Sequence, @At, @ActorUserId, @ActorRoles, @Action, @SubjectType, @SubjectId, @DetailsJson, @PreviousHash, @Hash)
            """,
            new
            {
                entry.Sequence,
                At = connections.Dialect == SqlDialect.Sqlite ? AuditChain.FormatInstant(entry.At) : (object)entry.At,
                entry.ActorUserId,
                ActorRoles = JsonSerializer.Serialize(entry.ActorRoles),
                entry.Action,
                entry.SubjectType,
                entry.SubjectId,
                entry.DetailsJson,
                entry.PreviousHash,
                entry.Hash,
            },
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_chain_head SET sequence = @Sequence, hash = @Hash WHERE id = 1",
            new { entry.Sequence, entry.Hash },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return entry;
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => VerifyAsync(DefaultPageSize, ct);

    /// <summary>Verifies the chain up to the head recorded when verification starts, reading <paramref name="pageSize"/> entries at a time.</summary>
    public async Task<AuditVerification> VerifyAsync(int pageSize, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(ct);
        return await AuditChainVerifier.VerifyAsync(ReadAllAsync(head.Sequence, pageSize, ct), head.Sequence == 0 ? null : head, ct);
    }

    /// <summary>The last entry sealed, as the head row records it (sequence 0 before the first).</summary>
    public async Task<AuditChainHead> ReadHeadAsync(CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var head = await connection.QuerySingleAsync<(long Sequence, string Hash)>(new CommandDefinition(
            "SELECT sequence, hash FROM audit_chain_head WHERE id = 1", cancellationToken: ct));
        return new AuditChainHead(head.Sequence, head.Hash);
    }

    /// <summary>Entries after <paramref name="afterSequence"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int limit, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await ReadPageAsync(connection, afterSequence, long.MaxValue, limit, ct);
    }

    /// <summary>The entries about one subject (a case, a user), oldest first: the audit trail an auditor replays.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subjectType, string subjectId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE subject_type = @subjectType AND subject_id = @subjectId ORDER BY sequence",
            new { subjectType, subjectId },
            cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private async IAsyncEnumerable<AuditEntry> ReadAllAsync(long upTo, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var after = 0L;
        while (true)
        {
            IReadOnlyList<AuditEntry> page;
            await using (var connection = await connections.OpenAsync(ct))
            {
                page = await ReadPageAsync(connection, after, upTo, pageSize, ct);
            }

            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    private static async Task<IReadOnlyList<AuditEntry>> ReadPageAsync(
        DbConnection connection, long after, long upTo, int limit, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {Columns} FROM audit_log WHERE sequence > @after AND sequence <= @upTo ORDER BY sequence LIMIT @limit",
            new { after, upTo, limit },
            cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The row as the driver returns it: the time is text on SQLite and a timestamp on PostgreSQL.</summary>
    private sealed class EntryRow
    {
        public long Sequence { get; set; }

        public object? At { get; set; }

        public string ActorUserId { get; set; } = "";

        public string ActorRoles { get; set; } = "[]";

        public string Action { get; set; } = "";

        public string SubjectType { get; set; } = "";

        public string SubjectId { get; set; } = "";

        public string DetailsJson { get; set; } = "";

        public string PreviousHash { get; set; } = "";

        public string Hash { get; set; } = "";

        public AuditEntry ToEntry() => new()
        {
            Sequence = Sequence,
            At = SqlValues.ReadInstant(At) ?? throw new InvalidOperationException($"audit entry {Sequence} has no time"),
            ActorUserId = ActorUserId,
            ActorRoles = JsonSerializer.Deserialize<string[]>(ActorRoles) ?? [],
            Action = Action,
            SubjectType = SubjectType,
            SubjectId = SubjectId,
            DetailsJson = DetailsJson,
            PreviousHash = PreviousHash,
            Hash = Hash,
        };
    }
}

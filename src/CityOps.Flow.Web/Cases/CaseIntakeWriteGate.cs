using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// On SQLite, intake's writers on this node (admission transactions, lifecycle sync updates) queue here in turn
/// rather than spinning on the file lock, where a writer that re-takes the lock at once can starve the others past
/// the busy timeout. On PostgreSQL the gate is open: the database's row and advisory locks order the writers.
/// </summary>
public sealed class CaseIntakeWriteGate(IDbConnectionFactory connections)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly bool _serialised = connections.Dialect == SqlDialect.Sqlite;

    /// <summary>Waits for this node's turn to write; dispose the result to pass the turn on.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        if (!_serialised)
        {
            return Turn.None;
        }

        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim? turn) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? _turn = turn;

        public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Release();
    }
}

using System.Diagnostics;
using CityOps.Flow.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>Another writer holds SQLite's write lock while the store commits.</summary>
public sealed class BusyCommitTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromMilliseconds(200);

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cityops-busy-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly SqliteConnectionFactory connections;

    public BusyCommitTests()
    {
        connections = SqliteConnectionFactory.ForDataDirectory(folder, busyTimeout: BusyTimeout);
        new MigrationRunner(connections, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).ApplyAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        connections.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_commit_kept_from_the_write_lock_is_tried_again_then_reports_busy_and_writes_nothing()
    {
        var store = new SqlWorkflowStore(connections);
        var complaint = new InstanceEvents(Guid.NewGuid(), Morning).Started().Token(2, "Review");
        var earlier = new InstanceEvents(Guid.NewGuid(), Morning).Started();
        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { Instances = [earlier.Change(0)] }));

        var watch = Stopwatch.StartNew();
        SqliteException busy;
        using (var otherWriter = new SqliteConnection($"Data Source={connections.DatabasePath};Pooling=False"))
        {
            otherWriter.Open();
            using var held = otherWriter.BeginTransaction(deferred: false);
            watch.Restart();
            busy = Assert.Throws<SqliteException>(() => store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] }));
            watch.Stop();
        }

        Assert.True(TransientStorageFailure.Is(busy), busy.Message);
        Assert.True(
            watch.Elapsed >= BusyTimeout * SqlWorkflowStore.BusyCommitAttempts - TimeSpan.FromMilliseconds(30),
            $"gave up after {watch.Elapsed}, sooner than {SqlWorkflowStore.BusyCommitAttempts} attempts of {BusyTimeout}");
        Assert.Null(store.LoadInstance(complaint.InstanceId));
        Assert.Equal(CommitOutcome.Committed, store.Commit(new WorkflowCommit { Instances = [complaint.Change(0)] }));
    }
}

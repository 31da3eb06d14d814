using CityOps.Flow.Engine.Runtime.Jobs;

namespace CityOps.Flow.Engine.Storage;

/// <summary>Durable jobs (timers) acquired by workers with a lock that expires if the worker dies.</summary>
public interface IJobStore
{
    /// <summary>
    /// Locks up to <paramref name="maxJobs"/> jobs due at <paramref name="now"/> whose lock is free or expired,
    /// for <paramref name="lockOwner"/> until <paramref name="lockUntil"/>, earliest due first.
    /// </summary>
    IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs);

    JobRecord? FindJob(Guid jobId);

    /// <summary>The jobs of a process's timer start events (they belong to no instance).</summary>
    IReadOnlyList<JobRecord> FindStartTimerJobs(string processId);

    /// <summary>Releases a lock without running the job (the worker gave up on it).</summary>
    void ReleaseJob(Guid jobId, string lockOwner);

    /// <summary>The earliest due time of any job, for a worker deciding how long to sleep.</summary>
    DateTimeOffset? NextDueTime();
}

using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Jobs;
using Microsoft.Extensions.Logging;

namespace CityOps.Flow.Storage;

/// <summary>
/// Runs due timers on this node: acquires a batch under this node's lock, fires each job as its own engine command,
/// backs off a job that fails, raises an incident on its instance after the last attempt, and on shutdown hands back
/// the jobs it has not started.
/// Reusable without a web host: a hosted service only needs to call <see cref="RunAsync"/>.
/// </summary>
public sealed class JobExecutor(
    WorkflowEngine engine,
    JobFailureLog failures,
    TimeProvider clock,
    JobExecutorOptions options,
    ILogger<JobExecutor> logger)
{
    /// <summary>Fires the jobs due now, batch after batch, and returns how many ran.</summary>
    public int RunDueJobs(CancellationToken ct = default)
    {
        var fired = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var batch = engine.Store.AcquireDueJobs(now, options.WorkerId, now + options.LockDuration, options.BatchSize);
            for (var i = 0; i < batch.Count; i++)
            {
                if (ct.IsCancellationRequested)
                {
                    Release(batch.Skip(i));
                    return fired;
                }

                if (Fire(batch[i]))
                {
                    fired++;
                }
            }

            if (batch.Count < options.BatchSize)
            {
                return fired;
            }
        }

        return fired;
    }

    /// <summary>
    /// Runs due jobs until <paramref name="ct"/> is cancelled, sleeping until the next due time in between. The database
    /// work runs on the thread pool, so a hosted service calling this does not hold up the host's start.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        logger.LogInformation("Job executor {WorkerId} started", options.WorkerId);
        while (!ct.IsCancellationRequested)
        {
            TimeSpan idle;
            try
            {
                idle = await Task.Run(
                    () =>
                    {
                        RunDueJobs(ct);
                        return IdleDelay();
                    },
                    ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; the next round tries again and locks protect the jobs meanwhile.
                logger.LogError(e, "Job executor {WorkerId} could not run due jobs", options.WorkerId);
                idle = options.PollInterval;
            }

            try
            {
                await Task.Delay(idle, clock, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        logger.LogInformation("Job executor {WorkerId} stopped", options.WorkerId);
    }

    /// <summary>How long to sleep: until the next due timer, at least <c>MinimumIdle</c> and at most <c>PollInterval</c>.</summary>
    public TimeSpan IdleDelay()
    {
        var next = engine.Store.NextDueTime();
        if (next is null)
        {
            return options.PollInterval;
        }

        var untilDue = next.Value - clock.GetUtcNow();
        return untilDue < options.MinimumIdle ? options.MinimumIdle : untilDue > options.PollInterval ? options.PollInterval : untilDue;
    }

    private bool Fire(JobRecord job)
    {
        string error;
        try
        {
            var result = engine.FireJob(job);
            if (result.Succeeded)
            {
                if (failures.Find(job.Id) is not null)
                {
                    failures.Clear(job.Id);
                }

                return result.Value;
            }

            error = result.Error ?? "refused";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.GetType().Name + ": " + e.Message;
        }

        RecordFailure(job, error);
        return false;
    }

    private void RecordFailure(JobRecord job, string error)
    {
        var now = clock.GetUtcNow();
        var attempts = failures.RecordFailure(
            job.Id,
            options.WorkerId,
            error,
            now,
            failed => failed < options.MaxAttempts ? now + options.RetryDelay(failed) : JobFailureLog.Parked);
        if (attempts < options.MaxAttempts)
        {
            logger.LogWarning("Job {JobId} at {ElementId} failed (attempt {Attempt} of {MaxAttempts}), retry at {RetryAt}: {Error}",
                job.Id, job.ElementId, attempts, options.MaxAttempts, now + options.RetryDelay(attempts), error);
            return;
        }

        RaiseIncident(job, attempts, error);
    }

    /// <summary>
    /// The last attempt failed: the instance gets an incident an operator can resolve, and the job is dropped. If even
    /// that cannot be written, the job stays parked for <see cref="JobFailureLog.Retry"/>.
    /// </summary>
    private void RaiseIncident(JobRecord job, int attempts, string error)
    {
        var message = $"Timer at '{job.ElementId}' failed {attempts} times; last error: {error}";
        try
        {
            engine.RaiseJobIncident(job, message).Expect();
            failures.Clear(job.Id);
            logger.LogError("Job {JobId} at {ElementId} of instance {InstanceId} failed {Attempts} times; incident raised: {Error}",
                job.Id, job.ElementId, job.InstanceId, attempts, error);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Job {JobId} at {ElementId} of instance {InstanceId} failed {Attempts} times and is parked until an operator retries it: {Error}",
                job.Id, job.ElementId, job.InstanceId, attempts, error);
        }
    }

    private void Release(IEnumerable<JobRecord> jobs)
    {
        foreach (var job in jobs)
        {
            engine.Store.ReleaseJob(job.Id, options.WorkerId);
        }
    }
}

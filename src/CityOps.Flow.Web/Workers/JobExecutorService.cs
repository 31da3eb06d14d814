using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// Runs this node's <see cref="JobExecutor"/> for the life of the host: fires due timers, sleeps until the next one
/// (or until <see cref="JobWakeUp"/> reports an earlier one), and on shutdown finishes the job in hand and hands the
/// rest of its batch back so another node need not wait for the lock to expire.
/// </summary>
public sealed class JobExecutorService(JobExecutor executor, JobWakeUp wakeUp, TimeProvider clock, ILogger<JobExecutorService> logger)
    : BackgroundService
{
    // The executor's commands are synchronous database work: keep them off the host's startup thread.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None);

    private async Task RunAsync(CancellationToken ct)
    {
        logger.LogInformation("Job executor started");
        while (!ct.IsCancellationRequested)
        {
            var delay = TimeSpan.FromSeconds(1);
            try
            {
                executor.RunDueJobs(ct);
                delay = executor.IdleDelay();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unreachable; locks keep the jobs safe until the next round.
                logger.LogError(e, "Job executor could not run due jobs; trying again in {Delay}", delay);
            }

            try
            {
                await wakeUp.SleepAsync(delay, clock, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        logger.LogInformation("Job executor stopped");
    }
}

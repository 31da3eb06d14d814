using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Web.Workers;

namespace CityOps.Flow.Web.Tests.Durable;

public sealed class JobWakeUpTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_job_due_before_the_executor_would_wake_ends_its_sleep()
    {
        var wakeUp = new JobWakeUp();
        await wakeUp.SleepAsync(TimeSpan.Zero, Clock, CancellationToken.None); // the executor's first round is done

        var sleeping = wakeUp.SleepAsync(TimeSpan.FromMinutes(5), Clock, CancellationToken.None);
        await Task.Delay(50);
        wakeUp.JobDue(Clock.GetUtcNow().AddSeconds(2));

        Assert.Same(sleeping, await Task.WhenAny(sleeping, Task.Delay(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task A_job_due_after_the_planned_wake_up_lets_the_executor_sleep_on()
    {
        var wakeUp = new JobWakeUp();
        var sleeping = wakeUp.SleepAsync(TimeSpan.FromMinutes(5), Clock, CancellationToken.None);
        await Task.Delay(50);

        wakeUp.JobDue(Clock.GetUtcNow().AddMinutes(10));

        Assert.NotSame(sleeping, await Task.WhenAny(sleeping, Task.Delay(TimeSpan.FromMilliseconds(300))));
    }

    [Fact]
    public async Task A_job_committed_while_the_executor_is_busy_skips_its_next_sleep()
    {
        var wakeUp = new JobWakeUp();

        // The executor is running due jobs (not sleeping) when the commit reports a new timer: the due time it is
        // about to sleep towards may predate that timer, so it must look again at once.
        wakeUp.JobDue(Clock.GetUtcNow().AddSeconds(1));
        var sleeping = wakeUp.SleepAsync(TimeSpan.FromMinutes(5), Clock, CancellationToken.None);

        Assert.True(sleeping.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Shutdown_ends_the_sleep()
    {
        var wakeUp = new JobWakeUp();
        using var stop = new CancellationTokenSource();
        var sleeping = wakeUp.SleepAsync(TimeSpan.FromMinutes(5), new AdjustableClock(DateTimeOffset.UnixEpoch), stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleeping);
    }
}

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// Wakes the sleeping job executor when a command on this node commits a job due before the executor's next look,
/// so a short timer fires on time instead of after the poll interval.
/// </summary>
public sealed class JobWakeUp
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = NewSignal();
    // MinValue while the executor is awake: a job committed then may be missed by the due time it already read,
    // so the next sleep is skipped.
    private DateTimeOffset _sleepingUntil = DateTimeOffset.MinValue;
    private bool _dueWhileAwake;

    /// <summary>A job due at <paramref name="dueAt"/> was committed.</summary>
    public void JobDue(DateTimeOffset dueAt)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (_sleepingUntil == DateTimeOffset.MinValue)
            {
                _dueWhileAwake = true;
            }
            else if (dueAt < _sleepingUntil)
            {
                wake = _signal;
                _sleepingUntil = DateTimeOffset.MinValue;
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Sleeps for <paramref name="delay"/>, or less when <see cref="JobDue"/> reports an earlier job.</summary>
    public async Task SleepAsync(TimeSpan delay, TimeProvider clock, CancellationToken ct)
    {
        Task signalled;
        lock (_gate)
        {
            if (_dueWhileAwake)
            {
                _dueWhileAwake = false;
                return;
            }

            _signal = NewSignal();
            _sleepingUntil = clock.GetUtcNow() + delay;
            signalled = _signal.Task;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await Task.WhenAny(Task.Delay(delay, clock, timeout.Token), signalled).ConfigureAwait(false);
        }
        finally
        {
            await timeout.CancelAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _sleepingUntil = DateTimeOffset.MinValue;
            }
        }

        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

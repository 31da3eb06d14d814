using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Passes grown cluster sizes on to the cases' lifecycle instances (escalation and re-routing read <c>clusterSize</c>)
/// and starts the lifecycle of any case whose node stopped before starting it. Intake wakes it after joins; a round
/// tells each lagging instance its case's latest size once, so an alarm storm of a thousand joins to one case costs
/// one instance update per round instead of a thousand. The database says which cases lag, so a restart or another
/// node picks up whatever this one did not finish. Rounds are spaced by <c>Cases:LifecycleSyncSpacing</c> (default 1 s)
/// or ten times the last round's length, whichever is longer, so a storm's intake keeps most of the writer.
/// </summary>
public sealed class CaseIntakeLifecycleSync(
    IServiceProvider services,
    CaseRepository cases,
    CaseIntakeWriteGate writers,
    WorkflowEngine engine,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<CaseIntakeLifecycleSync> log) : BackgroundService
{
    private const int RoundSize = 500;
    private const string Actor = "intake";

    /// <summary>A case older than this without an instance was left behind by a stopped node, not one still starting.</summary>
    private static readonly TimeSpan LeftBehind = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TimeSpan _spacing = configuration.GetValue("Cases:LifecycleSyncSpacing", TimeSpan.FromSeconds(1));
    private readonly TimeSpan _pollInterval = configuration.GetValue("Cases:LifecycleSyncPollInterval", TimeSpan.FromSeconds(30));

    /// <summary>Clusters grew: run a round soon (at most one round per spacing interval).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it at the same moment: one round covers both.
            }
        }
    }

    /// <summary>One round: every lagging instance is told its case's size, every case left without an instance gets one.</summary>
    public async Task<int> RunRoundAsync(CancellationToken ct = default)
    {
        var told = 0;
        IReadOnlyList<LifecycleLag> lagging;
        do
        {
            lagging = await cases.ListLifecycleLagsAsync(RoundSize, ct);
            foreach (var lag in lagging)
            {
                using (await writers.EnterAsync(ct))
                {
                    Tell(lag);
                    await cases.MarkLifecycleToldAsync(lag.CaseId, lag.ClusterSize, CancellationToken.None);
                }

                told++;
            }
        }
        while (lagging.Count == RoundSize && !ct.IsCancellationRequested);

        var intake = services.GetRequiredService<CaseIntake>();
        foreach (var caseId in await cases.ListCasesWithoutLifecycleAsync(clock.GetUtcNow() - LeftBehind, RoundSize, ct))
        {
            await intake.StartLifecycleAsync(caseId, Actor, ct);
        }

        return told;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_pollInterval, stoppingToken);
                var started = clock.GetTimestamp();
                await RunRoundAsync(stoppingToken);

                // Through a storm a round takes long; resting ten times as long keeps the sync to a tenth of the writer.
                var took = clock.GetElapsedTime(started);
                await Task.Delay(took * 10 > _spacing ? took * 10 : _spacing, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                log.LogError(e, "Lifecycle sync round failed; retrying in {Interval}", _pollInterval);
            }
        }
    }

    private void Tell(LifecycleLag lag)
    {
        if (!Guid.TryParse(lag.ProcessInstanceId, out var instanceId))
        {
            return;
        }

        var set = engine.SetVariables(instanceId, new Dictionary<string, object?> { ["clusterSize"] = lag.ClusterSize }, actor: Actor);
        if (!set.Succeeded)
        {
            // A finished instance (the case closed meanwhile) has nothing to update.
            log.LogDebug("Case {Number}: cluster size {Size} not passed to instance {InstanceId}: {Error}",
                lag.CaseNumber, lag.ClusterSize, instanceId, set.Error);
        }
    }
}

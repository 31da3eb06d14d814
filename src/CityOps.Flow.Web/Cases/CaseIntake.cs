using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Turns reports into cases on this node: validate → record idempotently per (channel, source id) → place the report
/// in its street and community → cluster it with the open cases of its category (the in-memory
/// <see cref="DuplicateIndex"/>, rebuilt from storage on first use) → join that case, or open a new one and start its
/// <c>case-lifecycle</c> instance, which routes it; the routed lead department and due time are written back to the case.
/// </summary>
/// <remarks>
/// Cluster decisions are serialised per node by one gate: two reports posted at once cannot both open a case for
/// the same cluster. The gate covers storage writes (a few milliseconds per report on SQLite), which is far below
/// intake volumes of a district. Several nodes each keep their own index and gate, so two nodes can still open two
/// cases for one cluster; a dispatcher merges those (并案) until cluster decisions move to a database lock.
/// </remarks>
public sealed class CaseIntake(
    CategoryCatalog catalog,
    CaseRepository cases,
    CityAreasSource areas,
    WorkflowEngine engine,
    TimeProvider clock,
    ILogger<CaseIntake> log)
{
    /// <summary>The process every case runs (workflows/case-lifecycle.bpmn).</summary>
    public const string LifecycleProcessId = "case-lifecycle";

    private static readonly TimeSpan EvictionInterval = TimeSpan.FromMinutes(10);

    private readonly IntakeValidator _validator = new(catalog);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DuplicateIndex? _index;
    private DateTimeOffset _lastEviction = DateTimeOffset.MinValue;

    public async Task<IntakeOutcome> ReceiveAsync(IntakeReport report, string actor, CancellationToken ct = default)
    {
        var problems = _validator.Validate(report);
        if (problems.Count > 0)
        {
            return IntakeOutcome.Rejected(problems);
        }

        if (report.Location.Point is null && report.Location.AreaId is null)
        {
            // Without a place the case would fall outside every area's scope; addresses are not geocoded yet.
            return IntakeOutcome.Rejected([new IntakeProblem("location", "needs a point or an areaId (addresses alone are not geocoded yet)")]);
        }

        var city = await areas.GetAsync(ct);
        if (report.Location.AreaId is { } areaId && !city.Contains(areaId))
        {
            return IntakeOutcome.Rejected([new IntakeProblem("location.areaId", $"'{areaId}' is not an area of the organisation")]);
        }

        // Not cancellable past this point: a report half-way into a case must finish its way in.
        await _gate.WaitAsync(ct);
        try
        {
            return await ReceiveSerialisedAsync(report, city, actor);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IntakeOutcome> ReceiveSerialisedAsync(IntakeReport report, CityAreas city, string actor)
    {
        var index = _index ??= new DuplicateIndex(
            ClusteringPolicy.Default, await cases.ListOpenClustersAsync(clock.GetUtcNow() - ClusteringPolicy.Default.DefaultRule.Window));
        var now = clock.GetUtcNow();
        if (now - _lastEviction > EvictionInterval)
        {
            // Cases past their window stay open but can absorb no report: dropping them keeps memory bounded.
            index.EvictExpired(now);
            _lastEviction = now;
        }

        var recorded = await cases.RecordReportAsync(report);
        if (!recorded.Created && recorded.CaseId is { } earlier)
        {
            return IntakeOutcome.For(IntakeOutcomeKind.Duplicate, await ReadAsync(earlier, city));
        }

        var caseId = Guid.NewGuid().ToString("N");
        var assignment = ClusterReport.From(report) is { } clustered
            ? index.Assign(clustered, caseId)
            : new ClusterAssignment(caseId, 1, Opened: true);
        if (assignment.Joined)
        {
            var size = await cases.JoinCaseAsync(assignment.CaseId, recorded.ReportId);
            var joined = await ReadAsync(assignment.CaseId, city);
            TellLifecycle(joined, size, actor);
            return IntakeOutcome.For(IntakeOutcomeKind.Joined, joined);
        }

        try
        {
            return IntakeOutcome.For(IntakeOutcomeKind.Opened, await OpenAsync(report, recorded.ReportId, caseId, city, actor));
        }
        catch
        {
            // The case may not exist: later reports must not join it.
            index.Close(caseId);
            throw;
        }
    }

    private async Task<CaseRecord> OpenAsync(IntakeReport report, long reportId, string caseId, CityAreas city, string actor)
    {
        var category = catalog.Find(report.CategoryCode)!;
        var areaId = report.Location.AreaId ?? (report.Location.Point is { } point ? city.Locate(point)?.AreaId : null);
        var (streetId, communityId) = city.Place(areaId);
        var severity = report.Severity ?? category.DefaultSeverity;
        var opened = await cases.OpenCaseAsync(reportId, new CaseOpening
        {
            CaseId = caseId,
            StreetId = streetId,
            CommunityId = communityId,
            GridId = areaId is not null && areaId != streetId && areaId != communityId ? areaId : null,
            Severity = severity,
            OpenedAt = clock.GetUtcNow(),
        });

        var variables = new Dictionary<string, object?>
        {
            ["caseId"] = opened.Id,
            ["caseNumber"] = opened.Number,
            ["categoryCode"] = category.Code,
            ["streetId"] = streetId,
            ["communityId"] = communityId,
            ["channel"] = ChannelCode.Of(report.Channel),
            ["severity"] = SeverityCode.Of(severity),
            ["clusterSize"] = 1,
            ["categoryTimeLimit"] = category.TimeLimit!.ToString(),
            ["publicSafety"] = category.PublicSafety,
            // AI video alarms are often false: a person looks before anyone is sent.
            ["needsTriage"] = report.Channel == Channel.VideoAlarm,
        };
        var started = engine.StartInstance(LifecycleProcessId, variables, businessKey: opened.Number, actor: actor);
        if (!started.Succeeded)
        {
            throw new InvalidOperationException($"case {opened.Number}: the {LifecycleProcessId} process did not start: {started.Error}");
        }

        await cases.LinkProcessInstanceAsync(opened.Id, started.Value.ToString());
        if (RoutedLead(started.Value) is { } routed)
        {
            await cases.AssignAsync(opened.Id, routed.LeadDepartment, routed.DueAt, routed.AutoDispatched);
        }

        log.LogInformation("Case {Number} opened for {Channel} report {SourceId}, instance {InstanceId}",
            opened.Number, ChannelCode.Of(report.Channel), report.SourceId, started.Value);
        return await ReadAsync(opened.Id, city);
    }

    /// <summary>
    /// The lifecycle keeps the cluster size for escalation and for a re-routing after a return; a finished instance
    /// (the case closed meanwhile) has nothing to update.
    /// </summary>
    private void TellLifecycle(CaseRecord joined, int clusterSize, string actor)
    {
        if (Guid.TryParse(joined.ProcessInstanceId, out var instanceId)
            && engine.FindInstance(instanceId) is { IsEnded: false })
        {
            var set = engine.SetVariables(instanceId, new Dictionary<string, object?> { ["clusterSize"] = clusterSize }, actor: actor);
            if (!set.Succeeded)
            {
                log.LogWarning("Case {Number}: cluster size {Size} not passed to instance {InstanceId}: {Error}",
                    joined.Number, clusterSize, instanceId, set.Error);
            }
        }
    }

    /// <summary>The lead department the routing table chose when the instance started, if routing ran without waiting for a person.</summary>
    private (string LeadDepartment, DateTimeOffset? DueAt, bool AutoDispatched)? RoutedLead(Guid instanceId)
    {
        if (engine.FindInstance(instanceId) is not { } state
            || !state.Variables.TryGetValue(ProcessInstanceState.RootTokenId, out var root)
            || root.GetValueOrDefault("leadDepartment") is not string { Length: > 0 } lead)
        {
            return null;
        }

        // FEEL date-times surface as DateTimeOffset or their ISO text, depending on how the value was computed.
        var dueAt = root.GetValueOrDefault("dueAt") switch
        {
            DateTimeOffset at => at,
            { } other when DateTimeOffset.TryParse(other.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
            _ => (DateTimeOffset?)null,
        };
        var autoDispatched = root.GetValueOrDefault("routing") is IReadOnlyDictionary<string, object?> routing
            && routing.GetValueOrDefault("dispatchMode") is string mode && mode == "auto";
        return (lead, dueAt, autoDispatched);
    }

    private async Task<CaseRecord> ReadAsync(string caseId, CityAreas city) =>
        await cases.GetAsync(caseId, city.Everything)
            ?? throw new InvalidOperationException($"case {caseId} is not stored");
}

using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Turns reports into cases: validate → place the report in its street, community and grid (an address alone by the
/// gazetteer) → admit it in one storage
/// transaction (stored once per (channel, source id); joined to the nearest open case of its category within the
/// clustering rule, or a new case opened) → for a new case start its <c>case-lifecycle</c> instance, which routes it,
/// and write the routed lead department and due time back. Nothing is answered before the report is committed.
/// </summary>
/// <remarks>
/// The join-or-open decision is made in the database under its write lock (see <see cref="CaseRepository.AdmitAsync"/>),
/// so several nodes on PostgreSQL never open two cases for one cluster. On SQLite this node also queues its writers
/// in process (<see cref="CaseIntakeWriteGate"/>), which is cheaper than letting them spin on the file lock. A join does not touch the lifecycle instance:
/// <see cref="CaseIntakeLifecycleSync"/> passes grown cluster sizes on, one update per case however many reports joined.
/// </remarks>
public sealed partial class CaseIntake(
    CategoryCatalog catalog,
    CaseRepository cases,
    CaseIntakeWriteGate writers,
    CityAreasSource areas,
    CityAddresses addresses,
    ClusteringPolicy clustering,
    WorkflowEngine engine,
    CaseIntakeLifecycleSync lifecycleSync,
    TimeProvider clock,
    ILogger<CaseIntake> log)
{
    /// <summary>The process every case runs (workflows/case-lifecycle.bpmn).</summary>
    public const string LifecycleProcessId = "case-lifecycle";

    /// <summary>Reports admitted per storage transaction; a longer batch is admitted in slices of this size.</summary>
    public const int TransactionSize = 250;

    private readonly IntakeValidator _validator = new(catalog);

    /// <summary>One report: the case it opened or joined (or, for a retry, the case of the first post), or the problems.</summary>
    public async Task<IntakeOutcome> ReceiveAsync(IntakeReport report, string actor, CancellationToken ct = default)
    {
        var city = await areas.GetAsync(ct);
        var (placed, problems) = await PrepareAsync(report, city, "", ct);
        if (placed is null)
        {
            return IntakeOutcome.Rejected(problems);
        }

        var admitted = (await AdmitAsync([placed], city, actor, ct))[0];
        var stored = await cases.GetAsync(admitted.CaseId, city.Everything, CancellationToken.None)
            ?? throw new InvalidOperationException($"case {admitted.CaseId} is not stored");
        var kind = admitted.Replayed ? IntakeOutcomeKind.Duplicate
            : admitted.Decision == IntakeDecision.Opened ? IntakeOutcomeKind.Opened : IntakeOutcomeKind.Joined;
        return new IntakeOutcome(kind, stored, [], admitted);
    }

    /// <summary>
    /// Several reports at once (a machine's batch, a replay), admitted in order. Every report is checked first: one
    /// bad report refuses the whole batch and nothing is stored; its problems name the report by index (<c>[3].categoryCode</c>).
    /// </summary>
    public async Task<IntakeBatchOutcome> ReceiveBatchAsync(IReadOnlyList<IntakeReport> reports, string actor, CancellationToken ct = default)
    {
        var city = await areas.GetAsync(ct);
        var problems = new List<IntakeProblem>();
        var placed = new List<IntakeReport>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var (report, refused) = await PrepareAsync(reports[i], city, $"[{i}].", ct);
            problems.AddRange(refused);
            if (report is not null)
            {
                placed.Add(report);
            }
        }

        if (problems.Count > 0)
        {
            return new IntakeBatchOutcome([], problems);
        }

        return new IntakeBatchOutcome(await AdmitAsync(placed, city, actor, ct), []);
    }

    /// <summary>The problems intake finds in a report, each field prefixed (<c>[3].</c> for a batch's fourth); empty when it would be admitted.</summary>
    public async Task<IReadOnlyList<IntakeProblem>> ValidateAsync(IntakeReport report, string fieldPrefix = "", CancellationToken ct = default) =>
        (await PrepareAsync(report, await areas.GetAsync(ct), fieldPrefix, ct)).Problems;

    /// <summary>
    /// Starts the lifecycle instance of a committed case that has none (its node stopped in between), links it and
    /// writes the routed lead back. False when another node linked one first; ours is then cancelled.
    /// </summary>
    public async Task<bool> StartLifecycleAsync(string caseId, string actor, CancellationToken ct = default)
    {
        var city = await areas.GetAsync(ct);
        var stored = await cases.GetAsync(caseId, city.Everything, ct);
        if (stored is null || stored.ProcessInstanceId is not null)
        {
            return false;
        }

        var category = catalog.Find(stored.CategoryCode)
            ?? throw new InvalidOperationException($"case {stored.Number}: category {stored.CategoryCode} is not in the catalogue");
        var variables = new Dictionary<string, object?>
        {
            ["caseId"] = stored.Id,
            ["caseNumber"] = stored.Number,
            ["categoryCode"] = category.Code,
            ["streetId"] = stored.StreetId,
            ["communityId"] = stored.CommunityId,
            ["channel"] = ChannelCode.Of(stored.Channel),
            ["severity"] = SeverityCode.Of(stored.Severity),
            ["clusterSize"] = stored.ClusterSize,
            ["categoryTimeLimit"] = category.TimeLimit!.ToString(),
            ["publicSafety"] = category.PublicSafety,
            // AI video alarms are often false: a person looks before anyone is sent.
            ["needsTriage"] = stored.Channel == Channel.VideoAlarm,
        };
        var started = engine.StartInstance(LifecycleProcessId, variables, businessKey: stored.Number, actor: actor);
        if (!started.Succeeded)
        {
            throw new InvalidOperationException($"case {stored.Number}: the {LifecycleProcessId} process did not start: {started.Error}");
        }

        if (!await cases.LinkProcessInstanceAsync(stored.Id, started.Value.ToString(), CancellationToken.None))
        {
            engine.CancelInstance(started.Value, "another node started this case's lifecycle first", actor);
            return false;
        }

        await cases.MarkLifecycleToldAsync(stored.Id, stored.ClusterSize, CancellationToken.None);
        if (RoutedLead(started.Value) is { } routed)
        {
            await cases.AssignAsync(stored.Id, routed.LeadDepartment, routed.DueAt, routed.AutoDispatched, CancellationToken.None);
        }

        log.LogInformation("Case {Number} opened for {Channel}, instance {InstanceId}", stored.Number, ChannelCode.Of(stored.Channel), started.Value);
        return true;
    }

    /// <summary>
    /// The report checked field by field and placed: one with only an address is placed by the gazetteer (its area,
    /// and its point where the address pins it down); null with the problems, each field prefixed, when it is refused.
    /// </summary>
    private async Task<(IntakeReport? Placed, IReadOnlyList<IntakeProblem> Problems)> PrepareAsync(
        IntakeReport report, CityAreas city, string prefix, CancellationToken ct)
    {
        var problems = _validator.Validate(report);
        if (problems.Count > 0)
        {
            return (null, [.. problems.Select(p => p with { Field = prefix + p.Field })]);
        }

        if (report.Location.Point is null && report.Location.AreaId is null)
        {
            // Without a place the case would fall outside every area's scope: an address alone is geocoded.
            var (located, unplaced) = await addresses.PlaceAsync(report.Location, ct);
            if (located is null)
            {
                return (null, [unplaced! with { Field = prefix + unplaced.Field }]);
            }

            report = report with { Location = located };
        }

        if (report.Location.AreaId is { } areaId && !city.Contains(areaId))
        {
            return (null, [new IntakeProblem(prefix + "location.areaId", $"'{areaId}' is not an area of the organisation")]);
        }

        return (report, []);
    }

    private async Task<IReadOnlyList<AdmittedReport>> AdmitAsync(IReadOnlyList<IntakeReport> reports, CityAreas city, string actor, CancellationToken ct)
    {
        var admitted = new List<AdmittedReport>(reports.Count);
        var joined = false;
        foreach (var slice in reports.Chunk(TransactionSize))
        {
            var now = clock.GetUtcNow();
            var admissions = slice.Select(report => Admission(report, city, actor, now)).ToList();
            IReadOnlyList<AdmittedReport> committed;

            // Not cancellable once its turn came: a client that hangs up must not leave half a batch unanswered for
            // retrying; whatever commits is found again by its source ids.
            using (await writers.EnterAsync(ct))
            {
                committed = await cases.AdmitAsync(admissions, CancellationToken.None);
            }

            foreach (var report in committed)
            {
                if (report is { Replayed: false, Decision: IntakeDecision.Opened })
                {
                    await StartCommittedAsync(report, actor);
                }

                joined |= report is { Replayed: false, Decision: IntakeDecision.Joined };
            }

            admitted.AddRange(committed);
        }

        if (joined)
        {
            lifecycleSync.Wake();
        }

        return admitted;
    }

    /// <summary>The case is committed and will be answered for; a lifecycle that fails to start is retried by the sync.</summary>
    private async Task StartCommittedAsync(AdmittedReport report, string actor)
    {
        try
        {
            await StartLifecycleAsync(report.CaseId, actor, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogError(e, "Case {Number}: lifecycle not started; the lifecycle sync retries it", report.CaseNumber);
        }
    }

    private CaseAdmission Admission(IntakeReport report, CityAreas city, string actor, DateTimeOffset now)
    {
        var category = catalog.Find(report.CategoryCode)!;
        var areaId = report.Location.AreaId ?? (report.Location.Point is { } point ? city.Locate(point)?.AreaId : null);
        var (streetId, communityId) = city.Place(areaId);
        return new CaseAdmission
        {
            Report = report,
            Rule = report.Location.Point is null ? null : clustering.For(report.CategoryCode),
            Actor = actor,
            Opening = new CaseOpening
            {
                CaseId = Guid.NewGuid().ToString("N"),
                StreetId = streetId,
                CommunityId = communityId,
                GridId = areaId is not null && areaId != streetId && areaId != communityId ? areaId : null,
                Severity = report.Severity ?? category.DefaultSeverity,
                OpenedAt = now,
            },
        };
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
}

using System.Data.Common;
using System.Text;
using System.Text.Json;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;
using CityOps.Flow.Cases.Lifecycle;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    private const double MetresPerDegreeLatitude = GeoPoint.EarthRadiusMetres * Math.PI / 180;

    /// <summary>The open statuses as an SQL list: literals, so the lookup's text is the same every time.</summary>
    private static readonly string OpenStatusList = string.Join(", ", CaseTransitions.OpenStatuses.Select(s => $"'{s}'"));

    /// <summary>
    /// Admits reports in one transaction, in order: each is stored once per (channel, source id) and either joins the
    /// nearest open case of its category within its rule's radius and window (多人一诉) or opens a case. The join-or-open
    /// decision reads the open cases from the database while holding the write lock: on SQLite the single writer, on
    /// PostgreSQL transaction-scoped advisory locks on every (category, cell) the report could cluster in, so several
    /// nodes never open two cases for one cluster. Nothing is acknowledged before the commit; a retried report repeats
    /// the first answer without writing.
    /// </summary>
    public async Task<IReadOnlyList<AdmittedReport>> AdmitAsync(IReadOnlyList<CaseAdmission> admissions, CancellationToken ct = default)
    {
        if (admissions.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        if (Dialect == SqlDialect.Postgres)
        {
            await LockClusterCellsAsync(connection, transaction, admissions, ct);
        }

        var admitted = new List<AdmittedReport>(admissions.Count);
        foreach (var admission in admissions)
        {
            admitted.Add(await AdmitOneAsync(connection, transaction, admission, ct));
        }

        await transaction.CommitAsync(ct);
        return admitted;
    }

    /// <summary>The advisory lock keys of the cells a report at this point can cluster in, for a category and rule.</summary>
    public static IReadOnlyList<long> ClusterLockKeys(string categoryCode, GeoPoint point, ClusteringRule rule)
    {
        var cell = rule.RadiusMetres / MetresPerDegreeLatitude;
        var latCell = (long)Math.Floor(point.Latitude / cell);
        var lonCell = (long)Math.Floor(point.Longitude / cell);

        // Cells are one radius tall but narrower in metres away from the equator, so more are read east and west.
        var bandLatitude = Math.Min(89.9, Math.Abs(point.Latitude) + cell);
        var lonReach = (long)Math.Min(Math.Ceiling(1 / Math.Cos(bandLatitude * Math.PI / 180)), 180 / cell + 1);
        var keys = new List<long>();
        for (var lat = latCell - 1; lat <= latCell + 1; lat++)
        {
            for (var lon = lonCell - lonReach; lon <= lonCell + lonReach; lon++)
            {
                keys.Add(CellKey(categoryCode, lat, lon));
            }
        }

        return keys;
    }

    /// <summary>
    /// One report inside the batch's transaction. The open case it may join is looked up first, so a join is three
    /// statements: the lookup, the report stored already pointing at its case (a conflict on (channel, source id)
    /// means a retry), and the case's growth with its ReportJoined event.
    /// </summary>
    private async Task<AdmittedReport> AdmitOneAsync(DbConnection connection, DbTransaction transaction, CaseAdmission admission, CancellationToken ct)
    {
        var report = admission.Report;
        var channel = ChannelCode.Of(report.Channel);
        var match = admission.Rule is { } rule && report.Location.Point is { } point
            ? await NearestOpenCaseAsync(connection, transaction, report.CategoryCode, point, report.OccurredAt ?? report.ReceivedAt, rule, ct)
            : null;
        var stored = await InsertReportAsync(connection, transaction, report, channel, match?.Id, ct);
        if (stored is null)
        {
            return await ReplayAsync(connection, transaction, admission, channel, ct);
        }

        if (match is not null)
        {
            await GrowClusterAsync(connection, transaction, match.Id, stored, admission.Actor, ct);
            return new AdmittedReport(stored.Id, IntakeDecision.Joined, match.Id, match.Number, stored.ClusterSize, Replayed: false);
        }

        var number = await InsertCaseAsync(connection, transaction, stored, admission.Opening, ct);
        return new AdmittedReport(stored.Id, IntakeDecision.Opened, admission.Opening.CaseId, number, 1, Replayed: false);
    }

    /// <summary>The first answer for a report stored before under the same (channel, source id).</summary>
    private async Task<AdmittedReport> ReplayAsync(
        DbConnection connection, DbTransaction transaction, CaseAdmission admission, string channel, CancellationToken ct)
    {
        var earlier = await connection.QuerySingleAsync<EarlierReport>(new CommandDefinition(
            """
            SELECT r.id AS Id, r.case_id AS CaseId, c.number AS CaseNumber, r.intake_outcome AS Outcome,
                r.intake_cluster_size AS ClusterSize, c.cluster_size AS CurrentClusterSize
            FROM case_reports r LEFT JOIN cases c ON c.id = r.case_id
            WHERE r.channel = @channel AND r.source_id = @SourceId
            """,
            new { channel, admission.Report.SourceId },
            transaction,
            cancellationToken: ct));
        if (earlier.CaseId is not null)
        {
            var decision = earlier.Outcome == "opened" ? IntakeDecision.Opened : IntakeDecision.Joined;
            return new AdmittedReport(earlier.Id, decision, earlier.CaseId, earlier.CaseNumber!,
                earlier.ClusterSize ?? earlier.CurrentClusterSize ?? 1, Replayed: true);
        }

        // Stored by an earlier version that recorded reports before clustering them: its case opens now.
        var stored = await ReadReportAsync(connection, transaction, earlier.Id, ct);
        var number = await InsertCaseAsync(connection, transaction, stored, admission.Opening, ct);
        return new AdmittedReport(stored.Id, IntakeDecision.Opened, admission.Opening.CaseId, number, 1, Replayed: false);
    }

    /// <summary>The case grows by the report stored for it: size, time span, event count and its ReportJoined event.</summary>
    private async Task GrowClusterAsync(
        DbConnection connection, DbTransaction transaction, string caseId, ReportRow report, string? actor, CancellationToken ct)
    {
        var at = report.OccurredAt ?? report.ReceivedAt;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO case_events (case_id, position, kind, at, actor, note)
                SELECT @caseId, event_count + 1, 'ReportJoined', @ReceivedAt, @actor, @note FROM cases WHERE id = @caseId;
            UPDATE cases SET cluster_size = cluster_size + 1, event_count = event_count + 1,
                first_report_at = CASE WHEN @at < first_report_at THEN @at ELSE first_report_at END,
                last_report_at = CASE WHEN @at > last_report_at THEN @at ELSE last_report_at END
            WHERE id = @caseId;
            """,
            new { caseId, at, report.ReceivedAt, actor, note = $"{report.Channel}:{report.SourceId}" },
            transaction,
            cancellationToken: ct));
    }

    /// <summary>
    /// Stores the report, pointing at <paramref name="joinCaseId"/> when it joins an open case (with the size the case
    /// grows to); null when (channel, source id) is already stored.
    /// </summary>
    private async Task<ReportRow?> InsertReportAsync(
        DbConnection connection, DbTransaction transaction, IntakeReport report, string channel, string? joinCaseId, CancellationToken ct)
    {
        var inserted = await connection.QuerySingleOrDefaultAsync<InsertedReport>(new CommandDefinition(
            """
            INSERT INTO case_reports (channel, source_id, category_code, description, address, area_id, latitude, longitude,
                severity, request_kind, reporter_name, reporter_phone, reporter_display, photos, details, occurred_at, received_at,
                case_id, intake_outcome, intake_cluster_size)
            VALUES (@channel, @SourceId, @CategoryCode, @Description, @Address, @AreaId, @Latitude, @Longitude,
                @Severity, @RequestKind, @ReporterName, @ReporterPhone, @ReporterDisplay, @Photos, @Details, @OccurredAt, @ReceivedAt,
                @joinCaseId, CASE WHEN @joinCaseId IS NULL THEN NULL ELSE 'joined' END,
                (SELECT cluster_size + 1 FROM cases WHERE id = @joinCaseId))
            ON CONFLICT (channel, source_id) DO NOTHING
            RETURNING id AS Id, intake_cluster_size AS ClusterSize
            """,
            ReportValues(report, channel, ("joinCaseId", joinCaseId)),
            transaction,
            cancellationToken: ct));
        if (inserted is not { } row)
        {
            return null;
        }

        // The row as stored, without reading it back: the case copies these columns.
        return new ReportRow
        {
            Id = row.Id,
            Channel = channel,
            SourceId = report.SourceId,
            CaseId = joinCaseId,
            CategoryCode = report.CategoryCode,
            Description = report.Description,
            Address = report.Location.Address,
            Latitude = report.Location.Point?.Latitude,
            Longitude = report.Location.Point?.Longitude,
            ReporterName = report.Reporter?.Name,
            ReporterPhone = report.Reporter?.Phone?.Reveal(),
            ReporterDisplay = MaskedReporter(report.Reporter),
            OccurredAt = Instant(report.OccurredAt),
            ReceivedAt = Instant(report.ReceivedAt),
            ClusterSize = row.ClusterSize ?? 1,
        };
    }

    private static async Task<ReportRow> ReadReportAsync(DbConnection connection, DbTransaction transaction, long reportId, CancellationToken ct) =>
        await connection.QuerySingleAsync<ReportRow>(new CommandDefinition(
            """
            SELECT id AS Id, channel AS Channel, source_id AS SourceId, case_id AS CaseId, category_code AS CategoryCode,
                description AS Description, address AS Address, latitude AS Latitude, longitude AS Longitude,
                reporter_name AS ReporterName, reporter_phone AS ReporterPhone, reporter_display AS ReporterDisplay,
                occurred_at AS OccurredAt, received_at AS ReceivedAt
            FROM case_reports WHERE id = @reportId
            """,
            new { reportId },
            transaction,
            cancellationToken: ct));

    /// <summary>
    /// The nearest open case of the category whose first report lies within the radius and whose reports span a time
    /// within the window of <paramref name="at"/>. On PostgreSQL the candidates are locked, so a case closed meanwhile
    /// by another transaction is re-checked (and skipped) once its lock is free.
    /// </summary>
    private async Task<ClusterCandidate?> NearestOpenCaseAsync(
        DbConnection connection, DbTransaction transaction, string categoryCode, GeoPoint point, DateTimeOffset at, ClusteringRule rule,
        CancellationToken ct)
    {
        var parameters = Around(point, rule.RadiusMetres);
        parameters.AddDynamicParams(new { categoryCode, From = Instant(at - rule.Window), To = Instant(at + rule.Window) });
        var candidates = await connection.QueryAsync<ClusterCandidate>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.number AS Number, c.latitude AS Latitude, c.longitude AS Longitude
            FROM cases c
            WHERE c.category_code = @categoryCode AND c.latitude BETWEEN @LatMin AND @LatMax
                AND c.longitude BETWEEN @LonMin AND @LonMax AND c.last_report_at >= @From AND c.first_report_at <= @To
                AND c.status IN ({OpenStatusList})
            ORDER BY c.row_id{ForUpdate}
            """,
            parameters,
            transaction,
            cancellationToken: ct));
        ClusterCandidate? best = null;
        var bestDistance = double.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = point.DistanceMetresTo(new GeoPoint(candidate.Latitude, candidate.Longitude));
            if (distance <= rule.RadiusMetres && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The open cases of a category within <paramref name="radiusMetres"/> of <paramref name="point"/>, opened since
    /// <paramref name="openedFrom"/> and within <paramref name="scope"/>, nearest first, at most <paramref name="limit"/>:
    /// what an operator taking a call is offered to join. A latitude band on the cluster lookup index, then the exact
    /// distance, so an older case next door is found however many newer ones the category has elsewhere.
    /// </summary>
    public async Task<IReadOnlyList<(CaseRecord Case, double DistanceMetres)>> ListOpenNearAsync(
        string categoryCode, GeoPoint point, double radiusMetres, DateTimeOffset openedFrom, DataScope scope, int limit, CancellationToken ct = default)
    {
        var parameters = Around(point, radiusMetres);
        parameters.AddDynamicParams(new { categoryCode, OpenedFrom = Instant(openedFrom) });
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"""
            SELECT {CaseColumns}
            FROM cases c
            WHERE c.category_code = @categoryCode AND c.latitude BETWEEN @LatMin AND @LatMax
                AND c.longitude BETWEEN @LonMin AND @LonMax AND c.opened_at >= @OpenedFrom
                AND c.status IN ({OpenStatusList}) AND {ScopeFilter(scope, parameters)}
            """,
            parameters,
            cancellationToken: ct));
        return [.. rows
            .Select(r => r.ToRecord())
            .Select(c => (Case: c, DistanceMetres: point.DistanceMetresTo(c.Point!.Value)))
            .Where(n => n.DistanceMetres <= radiusMetres)
            .OrderBy(n => n.DistanceMetres)
            .Take(limit)];
    }

    /// <summary>The bounding box, in degrees, of the circle of <paramref name="radiusMetres"/> around <paramref name="point"/> (<c>@LatMin</c> … <c>@LonMax</c>).</summary>
    private static DynamicParameters Around(GeoPoint point, double radiusMetres)
    {
        var latReach = radiusMetres / MetresPerDegreeLatitude;
        var lonReach = latReach / Math.Max(0.01, Math.Cos(Math.Min(89.9, Math.Abs(point.Latitude) + latReach) * Math.PI / 180));
        return new DynamicParameters(new
        {
            LatMin = point.Latitude - latReach,
            LatMax = point.Latitude + latReach,
            LonMin = point.Longitude - lonReach,
            LonMax = point.Longitude + lonReach,
        });
    }

    /// <summary>
    /// Takes the advisory locks of every cell the batch's reports can cluster in, in ascending key order so two
    /// batches never wait on each other in a circle; they are released when the transaction ends.
    /// </summary>
    private static async Task LockClusterCellsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<CaseAdmission> admissions, CancellationToken ct)
    {
        var keys = new SortedSet<long>();
        foreach (var admission in admissions)
        {
            if (admission.Rule is { } rule && admission.Report.Location.Point is { } point)
            {
                keys.UnionWith(ClusterLockKeys(admission.Report.CategoryCode, point, rule));
            }
        }

        if (keys.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(k) FROM unnest(@keys) AS t(k)",
                new { keys = keys.ToArray() },
                transaction,
                cancellationToken: ct));
        }
    }

    /// <summary>A stable 64-bit key per (category, cell): FNV-1a, so every node and every restart agrees.</summary>
    private static long CellKey(string categoryCode, long latCell, long lonCell)
    {
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037;
        foreach (var b in Encoding.UTF8.GetBytes($"case-cluster:{categoryCode}:{latCell}:{lonCell}"))
        {
            hash = (hash ^ b) * prime;
        }

        return unchecked((long)hash);
    }

    private sealed class EarlierReport
    {
        public long Id { get; set; }

        public string? CaseId { get; set; }

        public string? CaseNumber { get; set; }

        public string? Outcome { get; set; }

        public int? ClusterSize { get; set; }

        public int? CurrentClusterSize { get; set; }
    }

    private sealed class InsertedReport
    {
        public long Id { get; set; }

        public int? ClusterSize { get; set; }
    }

    private sealed class ClusterCandidate
    {
        public string Id { get; set; } = "";

        public string Number { get; set; } = "";

        public double Latitude { get; set; }

        public double Longitude { get; set; }
    }
}

using System.Data.Common;
using System.Text.Json;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Storage;

/// <summary>
/// Reports, cases, their event histories and supervision notices on SQLite or PostgreSQL. Writes that read before they
/// write hold the case's lock (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: <c>SELECT ... FOR UPDATE</c>); every read
/// a person triggers is filtered by their <see cref="DataScope"/>.
/// </summary>
public sealed partial class CaseRepository(IDbConnectionFactory connections)
{
    private SqlDialect Dialect => connections.Dialect;

    private string ForUpdate => Dialect == SqlDialect.Postgres ? " FOR UPDATE" : "";

    /// <summary>
    /// Stores the report unless one with its channel and source id is already stored; a retried post (a sensor
    /// repeating an alarm) creates nothing and answers with the stored report and its case.
    /// </summary>
    public async Task<RecordedReport> RecordReportAsync(IntakeReport report, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var channel = ChannelCode.Of(report.Channel);
        var inserted = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            INSERT INTO case_reports (channel, source_id, category_code, description, address, area_id, latitude, longitude,
                severity, request_kind, reporter_name, reporter_phone, reporter_display, photos, details, occurred_at, received_at)
            VALUES (@channel, @SourceId, @CategoryCode, @Description, @Address, @AreaId, @Latitude, @Longitude,
                @Severity, @RequestKind, @ReporterName, @ReporterPhone, @ReporterDisplay, @Photos, @Details, @OccurredAt, @ReceivedAt)
            ON CONFLICT (channel, source_id) DO NOTHING
            RETURNING id
            """,
            ReportValues(report, channel),
            cancellationToken: ct));
        if (inserted is { } id)
        {
            return new RecordedReport(id, Created: true, CaseId: null);
        }

        var existing = await connection.QuerySingleAsync<(long Id, string? CaseId)>(new CommandDefinition(
            "SELECT id, case_id FROM case_reports WHERE channel = @channel AND source_id = @SourceId",
            new { channel, report.SourceId },
            cancellationToken: ct));
        return new RecordedReport(existing.Id, Created: false, existing.CaseId);
    }

    /// <summary>
    /// Opens a case for a stored report under a new case number, with its Reported event. If the report already has
    /// a case (a retry), that case is returned and nothing is written.
    /// </summary>
    public async Task<CaseRecord> OpenCaseAsync(long reportId, CaseOpening opening, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        var report = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            $"""
            SELECT id AS Id, channel AS Channel, case_id AS CaseId, category_code AS CategoryCode, description AS Description,
                address AS Address, latitude AS Latitude, longitude AS Longitude, reporter_name AS ReporterName,
                reporter_phone AS ReporterPhone, reporter_display AS ReporterDisplay, occurred_at AS OccurredAt,
                received_at AS ReceivedAt
            FROM case_reports WHERE id = @reportId{ForUpdate}
            """,
            new { reportId },
            transaction,
            cancellationToken: ct))
            ?? throw new InvalidOperationException($"report {reportId} is not stored");
        if (report.CaseId is { } existingCase)
        {
            await transaction.CommitAsync(ct);
            return await ReadCaseAsync(connection, null, existingCase, ct)
                ?? throw new InvalidOperationException($"report {reportId} names case {existingCase}, which is not stored");
        }

        await InsertCaseAsync(connection, transaction, report, opening, ct);
        var opened = await ReadCaseAsync(connection, transaction, opening.CaseId, ct);
        await transaction.CommitAsync(ct);
        return opened!;
    }

    /// <summary>
    /// Inserts the case for a stored report under the next number of its day, its search terms and its Reported event,
    /// and points the report at it; the caller's transaction holds the write lock.
    /// </summary>
    private async Task<string> InsertCaseAsync(DbConnection connection, DbTransaction transaction, ReportRow report, CaseOpening opening, CancellationToken ct)
    {
        var day = CaseNumber.DayOf(opening.OpenedAt);
        var serial = await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO case_number_counters (day, last) VALUES (@day, 1)
            ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1
            RETURNING last
            """,
            new { day },
            transaction,
            cancellationToken: ct));

        var receivedAt = SqlValues.ReadInstant(report.ReceivedAt)!.Value;
        var reportAt = SqlValues.ReadInstant(report.OccurredAt) ?? receivedAt;
        var terms = CaseSearchTerms.Of(report.Description + " " + report.Address);
        var parameters = new DynamicParameters(new
        {
            Id = opening.CaseId,
            Number = CaseNumber.Format(day, serial),
            report.CategoryCode,
            opening.StreetId,
            opening.CommunityId,
            opening.GridId,
            report.Channel,
            Severity = SeverityCode.Of(opening.Severity),
            opening.LeadDepartmentId,
            opening.ProcessInstanceId,
            report.Description,
            report.Address,
            report.Latitude,
            report.Longitude,
            report.ReporterName,
            report.ReporterPhone,
            report.ReporterDisplay,
            opening.IsKeyCase,
            opening.AutoDispatched,
            OpenedAt = Instant(opening.OpenedAt),
            ReportAt = Instant(reportAt),
            DueAt = Instant(opening.DueAt),
        });
        var searchColumn = "";
        var searchValue = "";
        if (Dialect == SqlDialect.Postgres)
        {
            parameters.Add("SearchTerms", terms.ToArray());
            searchColumn = ", search_terms";
            searchValue = ", @SearchTerms";
        }

        var rowId = await connection.QuerySingleAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO cases (id, number, category_code, street_id, community_id, grid_id, channel, severity, status,
                cluster_size, lead_department_id, process_instance_id, description, address, latitude, longitude,
                reporter_name, reporter_phone, reporter_display, is_key_case, auto_dispatched, opened_at, first_report_at,
                last_report_at, due_at{searchColumn})
            VALUES (@Id, @Number, @CategoryCode, @StreetId, @CommunityId, @GridId, @Channel, @Severity, 'Reported',
                1, @LeadDepartmentId, @ProcessInstanceId, @Description, @Address, @Latitude, @Longitude,
                @ReporterName, @ReporterPhone, @ReporterDisplay, @IsKeyCase, @AutoDispatched, @OpenedAt, @ReportAt,
                @ReportAt, @DueAt{searchValue})
            RETURNING row_id
            """,
            parameters,
            transaction,
            cancellationToken: ct));
        if (Dialect == SqlDialect.Sqlite && terms.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO case_search (rowid, terms) VALUES (@rowId, @terms)",
                new { rowId, terms = string.Join(' ', terms) },
                transaction,
                cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE case_reports SET case_id = @CaseId, intake_outcome = 'opened', intake_cluster_size = 1 WHERE id = @reportId;
            INSERT INTO case_events (case_id, position, kind, at) VALUES (@CaseId, 1, 'Reported', @ReceivedAt);
            """,
            new { opening.CaseId, reportId = report.Id, ReceivedAt = Instant(receivedAt) },
            transaction,
            cancellationToken: ct));
        return CaseNumber.Format(day, serial);
    }

    /// <summary>
    /// Adds a stored report to an open case: the cluster grows by one, its time span widens and the case's timeline gets
    /// a ReportJoined event. Returns the cluster size; joining a report already on the case changes nothing. A case
    /// that is no longer open (closed, merged, cancelled) refuses the report.
    /// </summary>
    public async Task<int> JoinCaseAsync(string caseId, long reportId, string? actor = null, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        var current = await connection.QuerySingleOrDefaultAsync<(int Size, string? Status)>(new CommandDefinition(
            $"SELECT cluster_size, status FROM cases WHERE id = @caseId{ForUpdate}", new { caseId }, transaction, cancellationToken: ct));
        if (current.Status is null)
        {
            throw new InvalidOperationException($"case {caseId} is not stored");
        }

        var report = await connection.QuerySingleOrDefaultAsync<ReportRow>(new CommandDefinition(
            """
            SELECT id AS Id, case_id AS CaseId, channel AS Channel, source_id AS SourceId, occurred_at AS OccurredAt, received_at AS ReceivedAt
            FROM case_reports WHERE id = @reportId
            """,
            new { reportId },
            transaction,
            cancellationToken: ct))
            ?? throw new InvalidOperationException($"report {reportId} is not stored");
        if (report.CaseId == caseId)
        {
            return current.Size;
        }

        if (report.CaseId is not null)
        {
            throw new InvalidOperationException($"report {reportId} already belongs to case {report.CaseId}");
        }

        var status = Enum.Parse<CaseStatus>(current.Status);
        if (CaseTransitions.Apply(status, CaseCommand.JoinReport) is { Accepted: false } refused)
        {
            throw new InvalidOperationException($"case {caseId}: {refused.Refusal}");
        }

        var size = await AddToClusterAsync(connection, transaction, caseId, report, actor, ct);
        await transaction.CommitAsync(ct);
        return size;
    }

    /// <summary>
    /// Joins the report to the case inside the caller's transaction, which holds the case's lock: cluster size, time
    /// span and event count grow together with the ReportJoined event, so the case stays in step with its history.
    /// </summary>
    private async Task<int> AddToClusterAsync(
        DbConnection connection, DbTransaction transaction, string caseId, ReportRow report, string? actor, CancellationToken ct)
    {
        var at = Instant(SqlValues.ReadInstant(report.OccurredAt) ?? SqlValues.ReadInstant(report.ReceivedAt));
        var grown = await connection.QuerySingleAsync<(int ClusterSize, int EventCount)>(new CommandDefinition(
            """
            UPDATE cases SET cluster_size = cluster_size + 1, event_count = event_count + 1,
                first_report_at = CASE WHEN @at < first_report_at THEN @at ELSE first_report_at END,
                last_report_at = CASE WHEN @at > last_report_at THEN @at ELSE last_report_at END
            WHERE id = @caseId
            RETURNING cluster_size, event_count
            """,
            new { caseId, at },
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO case_events (case_id, position, kind, at, actor, note) VALUES (@caseId, @EventCount, 'ReportJoined', @ReceivedAt, @actor, @note);
            UPDATE case_reports SET case_id = @caseId, intake_outcome = 'joined', intake_cluster_size = @ClusterSize WHERE id = @Id;
            """,
            new
            {
                caseId,
                grown.EventCount,
                grown.ClusterSize,
                report.Id,
                ReceivedAt = Instant(SqlValues.ReadInstant(report.ReceivedAt)),
                actor,
                note = $"{report.Channel}:{report.SourceId}",
            },
            transaction,
            cancellationToken: ct));
        return grown.ClusterSize;
    }

    /// <summary>Sets who leads the case and by when, once routing or a dispatcher decided; false for an unknown case.</summary>
    public async Task<bool> AssignAsync(string caseId, string leadDepartmentId, DateTimeOffset? dueAt, bool autoDispatched, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET lead_department_id = @leadDepartmentId, due_at = @DueAt, auto_dispatched = @autoDispatched WHERE id = @caseId",
            new { caseId, leadDepartmentId, DueAt = Instant(dueAt), autoDispatched },
            cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Records the workflow instance that runs the case's lifecycle; false for an unknown case or one that is already
    /// linked to an instance (another node recovered it first).
    /// </summary>
    public async Task<bool> LinkProcessInstanceAsync(string caseId, string processInstanceId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET process_instance_id = @processInstanceId WHERE id = @caseId AND process_instance_id IS NULL",
            new { caseId, processInstanceId },
            cancellationToken: ct)) == 1;
    }

    private object? Instant(DateTimeOffset? value) => SqlValues.Instant(Dialect, value);

    private static async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        connection switch
        {
            SqliteConnection sqlite => sqlite.BeginTransaction(deferred: false),
            _ => await connection.BeginTransactionAsync(ct),
        };

    private static string? MaskedReporter(Reporter? reporter) => reporter switch
    {
        null => null,
        { Name: null or "", Phone: null } => null,
        _ => string.Join(' ', new[] { reporter.Name is { Length: > 0 } ? Reporter.MaskName(reporter.Name) : null, reporter.Phone?.Masked() }
            .Where(part => part is not null)),
    };

    private sealed class ReportRow
    {
        public long Id { get; set; }

        public string Channel { get; set; } = "";

        public string SourceId { get; set; } = "";

        public string? CaseId { get; set; }

        public string CategoryCode { get; set; } = "";

        public string? Description { get; set; }

        public string? Address { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string? ReporterName { get; set; }

        public string? ReporterPhone { get; set; }

        public string? ReporterDisplay { get; set; }

        public object? OccurredAt { get; set; }

        public object? ReceivedAt { get; set; }

        /// <summary>The cluster size the report's case reached when it joined; 1 for the report that opened it.</summary>
        public int ClusterSize { get; set; } = 1;
    }

    /// <summary>The columns of a <c>case_reports</c> row, as the report insert statements name them.</summary>
    private DynamicParameters ReportValues(IntakeReport report, string channel, params (string Name, string? Value)[] more)
    {
        var values = new DynamicParameters(new
        {
            channel,
            report.SourceId,
            report.CategoryCode,
            report.Description,
            report.Location.Address,
            report.Location.AreaId,
            Latitude = report.Location.Point?.Latitude,
            Longitude = report.Location.Point?.Longitude,
            Severity = report.Severity is { } severity ? SeverityCode.Of(severity) : null,
            report.RequestKind,
            ReporterName = report.Reporter?.Name,
            ReporterPhone = report.Reporter?.Phone?.Reveal(),
            ReporterDisplay = MaskedReporter(report.Reporter),
            Photos = JsonSerializer.Serialize(report.Photos),
            Details = report.Details is null ? null : JsonSerializer.Serialize(report.Details),
            OccurredAt = Instant(report.OccurredAt),
            ReceivedAt = Instant(report.ReceivedAt),
        });
        foreach (var (name, value) in more)
        {
            // Typed, so PostgreSQL can tell the type of a null.
            values.Add(name, value, System.Data.DbType.String);
        }

        return values;
    }
}

using System.Text.Json;
using CityOps.Flow.Cases.Intake;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>The reports of the case's cluster (多人一诉), in the order they came in; empty when the case is unknown or out of scope.</summary>
    public async Task<IReadOnlyList<CaseReportRecord>> ListReportsAsync(string caseId, DataScope scope, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters(new { caseId });
        var rows = await connection.QueryAsync<ClusterReportRow>(new CommandDefinition(
            $"""
            SELECT r.id AS Id, r.channel AS Channel, r.source_id AS SourceId, r.description AS Description, r.address AS Address,
                r.reporter_display AS ReporterDisplay, r.photos AS Photos, r.occurred_at AS OccurredAt, r.received_at AS ReceivedAt
            FROM case_reports r JOIN cases c ON c.id = r.case_id
            WHERE r.case_id = @caseId AND {ScopeFilter(scope, parameters)}
            ORDER BY r.received_at, r.id
            """,
            parameters,
            cancellationToken: ct));
        return [.. rows.Select(r => new CaseReportRecord
        {
            Id = r.Id,
            Channel = ChannelCode.TryParse(r.Channel, out var channel) ? channel : throw new InvalidOperationException($"report {r.Id} has unknown channel '{r.Channel}'"),
            SourceId = r.SourceId,
            Description = r.Description,
            Address = r.Address,
            ReporterMasked = r.ReporterDisplay,
            Photos = JsonSerializer.Deserialize<string[]>(r.Photos) ?? [],
            OccurredAt = SqlValues.ReadInstant(r.OccurredAt),
            ReceivedAt = SqlValues.ReadInstant(r.ReceivedAt)!.Value,
        })];
    }

    /// <summary>
    /// The unmasked reporters of the given cases within the scope, by case id, for an export by a role allowed to see
    /// them. The caller writes the audit entry first; cases without a reporter are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Reporter>> ListReportersAsync(IReadOnlyCollection<string> caseIds, DataScope scope, CancellationToken ct = default)
    {
        if (caseIds.Count == 0)
        {
            return new Dictionary<string, Reporter>();
        }

        await using var connection = await connections.OpenAsync(ct);
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<ReporterOfCaseRow>(new CommandDefinition(
            $"""
            SELECT c.id AS CaseId, c.reporter_name AS Name, c.reporter_phone AS Phone FROM cases c
            WHERE {In("c.id", "CaseIds", caseIds, parameters)} AND {ScopeFilter(scope, parameters)}
                AND (c.reporter_name IS NOT NULL OR c.reporter_phone IS NOT NULL)
            """,
            parameters,
            cancellationToken: ct));
        return rows.ToDictionary(
            r => r.CaseId,
            r => new Reporter { Name = r.Name, Phone = r.Phone is null ? null : PhoneNumber.Parse(r.Phone) },
            StringComparer.Ordinal);
    }

    private sealed class ClusterReportRow
    {
        public long Id { get; set; }

        public string Channel { get; set; } = "";

        public string SourceId { get; set; } = "";

        public string? Description { get; set; }

        public string? Address { get; set; }

        public string? ReporterDisplay { get; set; }

        public string Photos { get; set; } = "[]";

        public object? OccurredAt { get; set; }

        public object? ReceivedAt { get; set; }
    }

    private sealed class ReporterOfCaseRow
    {
        public string CaseId { get; set; } = "";

        public string? Name { get; set; }

        public string? Phone { get; set; }
    }
}

using System.Text.Json;
using CityOps.Flow.Cases.Audit;
using CityOps.Flow.Cases.Intake;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// The reporter's full name and phone number, for a person about to call them back. The reveal is written to the
    /// audit log first: if that fails nothing is revealed. Null (and nothing logged) when the case is unknown, outside
    /// the scope, or has no reporter.
    /// </summary>
    public async Task<Reporter?> RevealReporterAsync(
        string caseId, DataScope scope, string actorUserId, IReadOnlyList<string> actorRoles, IAuditLog audit, CancellationToken ct = default)
    {
        ReporterRow? reporter;
        await using (var connection = await connections.OpenAsync(ct))
        {
            var parameters = new DynamicParameters(new { caseId });
            reporter = await connection.QuerySingleOrDefaultAsync<ReporterRow>(new CommandDefinition(
                $"SELECT c.reporter_name AS Name, c.reporter_phone AS Phone FROM cases c WHERE c.id = @caseId AND {ScopeFilter(scope, parameters)}",
                parameters,
                cancellationToken: ct));
        }

        if (reporter is null || (reporter.Name is null && reporter.Phone is null))
        {
            return null;
        }

        string[] fields = [.. new[] { reporter.Name is null ? null : "name", reporter.Phone is null ? null : "phone" }.OfType<string>()];
        await audit.AppendAsync(new AuditEvent
        {
            ActorUserId = actorUserId,
            ActorRoles = actorRoles,
            Action = AuditAction.PersonalDataRevealed,
            SubjectType = "case",
            SubjectId = caseId,
            DetailsJson = JsonSerializer.Serialize(new { fields }),
        }, ct);
        return new Reporter { Name = reporter.Name, Phone = reporter.Phone is null ? null : PhoneNumber.Parse(reporter.Phone) };
    }

    private sealed class ReporterRow
    {
        public string? Name { get; set; }

        public string? Phone { get; set; }
    }
}

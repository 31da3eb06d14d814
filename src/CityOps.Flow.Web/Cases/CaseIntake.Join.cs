using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

public sealed partial class CaseIntake
{
    /// <summary>
    /// Files the report into an open case an operator chose (多人一诉 beyond the automatic clustering distance: the
    /// caller describes the same broken lamp by its compound, another by its road). The report is validated and
    /// placed as any other; the case must be open and of the report's category. A retried post answers with the case
    /// the report already went to.
    /// </summary>
    public async Task<IntakeOutcome> JoinAsync(IntakeReport report, string caseId, string actor, CancellationToken ct = default)
    {
        var problems = _validator.Validate(report);
        if (problems.Count > 0)
        {
            return IntakeOutcome.Rejected(problems);
        }

        if (report.Location.Point is null && report.Location.AreaId is null)
        {
            var (located, unplaced) = await addresses.PlaceAsync(report.Location, ct);
            if (located is null)
            {
                return IntakeOutcome.Rejected([unplaced!]);
            }

            report = report with { Location = located };
        }

        var city = await areas.GetAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (await cases.GetAsync(caseId, city.Everything, CancellationToken.None) is not { } target)
            {
                return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"there is no case '{caseId}'")]);
            }

            if (CaseTransitions.IsFinal(target.Status))
            {
                return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"case {target.Number} is {target.Status.ToString().ToLowerInvariant()}; a report can join only an open case")]);
            }

            if (target.CategoryCode != report.CategoryCode)
            {
                return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"case {target.Number} is of category {target.CategoryCode}, the report of {report.CategoryCode}")]);
            }

            var recorded = await cases.RecordReportAsync(report, CancellationToken.None);
            if (!recorded.Created && recorded.CaseId is { } earlier)
            {
                return IntakeOutcome.For(IntakeOutcomeKind.Duplicate, await ReadAsync(earlier, city));
            }

            var size = await cases.JoinCaseAsync(caseId, recorded.ReportId, CancellationToken.None);
            var joined = await ReadAsync(caseId, city);
            TellLifecycle(joined, size, actor);
            log.LogInformation("Report {SourceId} joined case {Number} by {Actor}'s choice", report.SourceId, joined.Number, actor);
            return IntakeOutcome.For(IntakeOutcomeKind.Joined, joined);
        }
        finally
        {
            _gate.Release();
        }
    }
}

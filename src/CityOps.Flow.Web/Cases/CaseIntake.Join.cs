using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Web.Cases;

public sealed partial class CaseIntake
{
    /// <summary>
    /// Files the report into an open case an operator chose (多人一诉 beyond the automatic clustering distance: one
    /// caller names the compound, another the road number of the same broken lamp). The report is checked and placed
    /// as any other; the case must be open and of the report's category. A retried post answers with the case the
    /// report already went to.
    /// </summary>
    public async Task<IntakeOutcome> JoinAsync(IntakeReport report, string caseId, string actor, CancellationToken ct = default)
    {
        var city = await areas.GetAsync(ct);
        var problems = Check(report, city, "");
        if (problems.Count > 0)
        {
            return IntakeOutcome.Rejected(problems);
        }

        if (report.Location is { Point: null, AreaId: null })
        {
            report = report with { Location = addresses.Place(report.Location, city).Located! };
        }

        if (await cases.GetAsync(caseId, city.Everything, ct) is not { } target)
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

        string joinedCaseId;
        var kind = IntakeOutcomeKind.Joined;
        // Not cancellable once its turn came, as admission: the report must end up in a case once recorded.
        using (await writers.EnterAsync(ct))
        {
            var recorded = await cases.RecordReportAsync(report, CancellationToken.None);
            if (!recorded.Created && recorded.CaseId is { } earlier)
            {
                (joinedCaseId, kind) = (earlier, IntakeOutcomeKind.Duplicate);
            }
            else
            {
                await cases.JoinCaseAsync(caseId, recorded.ReportId, actor, CancellationToken.None);
                joinedCaseId = caseId;
            }
        }

        lifecycleSync.Wake();
        var joined = await cases.GetAsync(joinedCaseId, city.Everything, CancellationToken.None)
            ?? throw new InvalidOperationException($"case {joinedCaseId} is not stored");
        log.LogInformation("Report {SourceId} filed into case {Number} by {Actor}'s choice", report.SourceId, joined.Number, actor);
        return IntakeOutcome.For(kind, joined);
    }
}

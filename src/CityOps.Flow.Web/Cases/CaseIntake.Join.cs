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
        var city = await areas.GetAsync(ct);
        var (placed, problems) = await PrepareAsync(report, city, "", ct);
        if (placed is null)
        {
            return IntakeOutcome.Rejected(problems);
        }

        if (await cases.GetAsync(caseId, city.Everything, ct) is not { } target)
        {
            return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"there is no case '{caseId}'")]);
        }

        if (!CaseTransitions.OpenStatuses.Contains(target.Status))
        {
            return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"case {target.Number} is {CaseTransitions.Describe(target.Status)}; a report can join only an open case")]);
        }

        if (target.CategoryCode != placed.CategoryCode)
        {
            return IntakeOutcome.Rejected([new IntakeProblem("caseId", $"case {target.Number} is of category {target.CategoryCode}, the report of {placed.CategoryCode}")]);
        }

        using (await writers.EnterAsync(ct))
        {
            var recorded = await cases.RecordReportAsync(placed, CancellationToken.None);
            if (!recorded.Created && recorded.CaseId is { } earlier)
            {
                return IntakeOutcome.For(IntakeOutcomeKind.Duplicate, await ReadAsync(earlier, city));
            }

            try
            {
                await cases.JoinCaseAsync(caseId, recorded.ReportId, actor, CancellationToken.None);
            }
            catch (InvalidOperationException e)
            {
                // Closed or merged between the check and the join: the report stays stored, unclustered, for a retry.
                return IntakeOutcome.Rejected([new IntakeProblem("caseId", e.Message)]);
            }
        }

        lifecycleSync.Wake();
        var joined = await ReadAsync(caseId, city);
        log.LogInformation("Report {SourceId} joined case {Number} by {Actor}'s choice", placed.SourceId, joined.Number, actor);
        return IntakeOutcome.For(IntakeOutcomeKind.Joined, joined);
    }

    private async Task<CaseRecord> ReadAsync(string caseId, CityAreas city) =>
        await cases.GetAsync(caseId, city.Everything, CancellationToken.None)
            ?? throw new InvalidOperationException($"case {caseId} is not stored");
}

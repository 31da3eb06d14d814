using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// A batch through intake: every report admitted, in the order sent, or none of them and the problems naming each bad
/// report by index (<c>[3].categoryCode</c>).
/// </summary>
public sealed record IntakeBatchOutcome(IReadOnlyList<AdmittedReport> Admitted, IReadOnlyList<IntakeProblem> Problems)
{
    public bool Accepted => Problems.Count == 0;
}

using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// The result of one report through intake: the case it went to, or the problems that refused it.
/// <see cref="Admission"/> is what storage committed (for a retry: the first answer's decision and cluster size).
/// </summary>
public sealed record IntakeOutcome(IntakeOutcomeKind Kind, CaseRecord? Case, IReadOnlyList<IntakeProblem> Problems, AdmittedReport? Admission = null)
{
    public static IntakeOutcome Rejected(IReadOnlyList<IntakeProblem> problems) => new(IntakeOutcomeKind.Rejected, null, problems);

    public static IntakeOutcome For(IntakeOutcomeKind kind, CaseRecord stored) => new(kind, stored, []);
}

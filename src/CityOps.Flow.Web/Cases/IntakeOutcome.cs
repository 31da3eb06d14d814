using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>The result of one report through intake: the case it went to, or the problems that refused it.</summary>
public sealed record IntakeOutcome(IntakeOutcomeKind Kind, CaseRecord? Case, IReadOnlyList<IntakeProblem> Problems)
{
    public static IntakeOutcome Rejected(IReadOnlyList<IntakeProblem> problems) => new(IntakeOutcomeKind.Rejected, null, problems);

    public static IntakeOutcome For(IntakeOutcomeKind kind, CaseRecord stored) => new(kind, stored, []);
}

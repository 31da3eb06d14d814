using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;

namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>A posted intake form: the case it opened or joined, or what to fix.</summary>
public sealed record IntakeSubmission(CaseRecord? Case, IntakeOutcomeKind? Outcome, IReadOnlyList<IntakeFieldError> Errors)
{
    public static IntakeSubmission Refused(IReadOnlyList<IntakeFieldError> errors) => new(null, null, errors);
}

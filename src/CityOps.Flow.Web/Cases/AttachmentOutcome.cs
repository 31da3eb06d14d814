using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>One photo offered to a case: stored (or found already stored), or refused with the field and the reason.</summary>
public sealed record AttachmentOutcome(AttachmentRecord? Attachment, bool Created, IntakeProblem? Problem)
{
    public static AttachmentOutcome Refused(string field, string message) => new(null, false, new IntakeProblem(field, message));
}

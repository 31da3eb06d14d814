namespace CityOps.Flow.Web.Portal.Supervision;

/// <summary>The supervision-notice form as posted: which case (its number) and the instruction to its lead department.</summary>
public sealed class NoticeInput
{
    public string? CaseNumber { get; set; }

    public string? Message { get; set; }
}

namespace CityOps.Flow.Web.Portal.Supervision;

/// <summary>An extension decision as posted: the button pressed (<c>approve</c> or <c>deny</c>) and the supervisor's note.</summary>
public sealed class DecisionInput
{
    public string? Outcome { get; set; }

    public string? Reason { get; set; }
}

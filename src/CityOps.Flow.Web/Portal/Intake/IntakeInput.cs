namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>What the intake form posts (photos come as files beside it). Everything is text, so a refused form shows back exactly what was typed.</summary>
public sealed class IntakeInput
{
    /// <summary>Made when the form is first shown: a form posted twice files one report.</summary>
    public string SourceId { get; set; } = "";

    /// <summary>A catalogue entry as picked from the type-ahead (<c>0109 路灯损坏</c>), a bare code or a subclass name.</summary>
    public string Category { get; set; } = "";

    public string RequestKind { get; set; } = "";

    /// <summary>How serious the caller's problem is, as the routing table reads it (a severity code: <c>minor</c> … <c>critical</c>); most calls are <c>normal</c>.</summary>
    public string? Severity { get; set; } = "normal";

    public string Address { get; set; } = "";

    public string CallerName { get; set; } = "";

    public string CallerPhone { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Set by a "join this case" button: the case the operator says this call is about.</summary>
    public string? JoinCaseId { get; set; }

    /// <summary><c>lookup</c> re-renders the form with the address placed and nearby cases (for browsers without script); anything else files.</summary>
    public string? Action { get; set; }

    public static string NewSourceId(DateTimeOffset now) => $"desk-{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..32];
}

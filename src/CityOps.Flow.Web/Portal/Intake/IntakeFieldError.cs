namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>What to fix next to a field: a text key of <see cref="IntakeText"/> and, where the system said more, its words.</summary>
public sealed record IntakeFieldError(string Field, string Key, string? Detail = null);

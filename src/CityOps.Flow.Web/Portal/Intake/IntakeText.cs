namespace CityOps.Flow.Web.Portal.Intake;

/// <summary>Names the intake desk's text: <c>IntakeText.resx</c> (zh-CN, the default) and <c>IntakeText.en.resx</c>.</summary>
public sealed class IntakeText;

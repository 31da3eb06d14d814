namespace CityOps.Flow.Web.Portal.Supervision;

/// <summary>Names the supervision board's text: <c>SupervisionText.resx</c> (zh-CN, the default) and <c>SupervisionText.en.resx</c>.</summary>
public sealed class SupervisionText;

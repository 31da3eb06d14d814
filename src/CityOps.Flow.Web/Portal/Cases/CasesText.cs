namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>Names the case pages' string resources: <c>CasesText.resx</c> (zh-CN, the default) and <c>CasesText.en.resx</c>.</summary>
public sealed class CasesText;

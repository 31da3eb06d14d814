namespace CityOps.Flow.Web.Localization;

/// <summary>
/// Names the portal's string resources: <c>PortalText.resx</c> holds the zh-CN text (the default language),
/// <c>PortalText.en.resx</c> the English text.
/// </summary>
public sealed class PortalText;

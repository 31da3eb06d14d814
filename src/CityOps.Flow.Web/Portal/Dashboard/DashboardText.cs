namespace CityOps.Flow.Web.Portal.Dashboard;

/// <summary>Names the leaders' dashboard's text: <c>DashboardText.resx</c> (zh-CN, the default) and <c>DashboardText.en.resx</c>.</summary>
public sealed class DashboardText;

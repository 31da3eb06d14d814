namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>Names the inbox's text: <c>InboxText.resx</c> (zh-CN, the default) and <c>InboxText.en.resx</c>.</summary>
public sealed class InboxText;

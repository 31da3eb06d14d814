namespace CityOps.Flow.Web.Portal.Navigation;

/// <summary>One page of the portal as the sidebar and the home page offer it.</summary>
/// <param name="Key">Names the page's text: <c>Nav.{Key}</c> (label) and <c>Entry.{Key}</c> (what it is for).</param>
/// <param name="Path">The page's route, exactly as its <c>@page</c> directive spells it.</param>
/// <param name="Roles">Who is offered the page; empty means every signed-in user.</param>
/// <param name="CountPath">
/// Where the sidebar fetches a count to show beside the entry (e.g. open tasks): a GET answering the number as plain
/// text, or nothing to show no badge. Fetched by htmx after the page loads and again every half minute.
/// </param>
public sealed record NavigationEntry(string Key, string Path, IReadOnlyList<string> Roles, string? CountPath = null)
{
    public string LabelKey => $"Nav.{Key}";

    public string PurposeKey => $"Entry.{Key}";

    public bool IsFor(IReadOnlyCollection<string> roles) => Roles.Count == 0 || Roles.Any(roles.Contains);
}

using CityOps.Flow.Web.Identity;

namespace CityOps.Flow.Web.Portal.Navigation;

/// <summary>
/// Every page the portal has or will have, and which roles work on it. An entry appears only once a component
/// with its route exists, so adding a page with <c>@page "/inbox"</c> is all it takes to show it.
/// </summary>
public static class NavigationCatalogue
{
    public static NavigationEntry Home { get; } = new("Home", "/", []);

    public static IReadOnlyList<NavigationEntry> Entries { get; } =
    [
        Home,
        new("Inbox", "/inbox", [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Handler, CityRoles.Supervisor], CountPath: "/inbox/count"),
        new("Intake", "/intake", [CityRoles.Operator, CityRoles.Dispatcher]),
        new("Cases", "/cases", [CityRoles.Operator, CityRoles.Dispatcher, CityRoles.Handler, CityRoles.Supervisor, CityRoles.Leader, CityRoles.Auditor]),
        new("Supervision", "/supervision", [CityRoles.Dispatcher, CityRoles.Supervisor, CityRoles.Leader]),
        new("Dashboard", "/dashboard", [CityRoles.Supervisor, CityRoles.Leader, CityRoles.Administrator]),
        new("Workflows", "/workflows", [CityRoles.Administrator]),
        new("Decisions", "/decisions", [CityRoles.Administrator]),
        new("Org", "/org", [CityRoles.Administrator]),
        new("Audit", "/audit", [CityRoles.Auditor, CityRoles.Administrator]),
    ];
}

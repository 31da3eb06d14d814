using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace CityOps.Flow.Web.Portal.Navigation;

/// <summary>The catalogue entries whose pages exist, filtered by the roles of whoever is looking.</summary>
public sealed class PortalNavigation(IReadOnlyList<NavigationEntry> catalogue, IReadOnlySet<string> builtRoutes)
{
    /// <summary>Navigation over <see cref="NavigationCatalogue"/> with the routes of the components in <paramref name="assembly"/>.</summary>
    public static PortalNavigation FromRoutesIn(Assembly assembly)
    {
        var routes = assembly.GetExportedTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new PortalNavigation(NavigationCatalogue.Entries, routes);
    }

    public bool IsBuilt(NavigationEntry entry) => builtRoutes.Contains(entry.Path);

    /// <summary>Sidebar entries: pages that exist and that one of <paramref name="roles"/> works on.</summary>
    public IReadOnlyList<NavigationEntry> EntriesFor(IReadOnlyCollection<string> roles) =>
        catalogue.Where(entry => IsBuilt(entry) && entry.IsFor(roles)).ToList();

    /// <summary>What <paramref name="role"/> works on, built or not, for its home page (the home page itself excluded).</summary>
    public IReadOnlyList<NavigationEntry> EntryPointsOf(string role) =>
        catalogue.Where(entry => entry.Roles.Contains(role)).ToList();
}

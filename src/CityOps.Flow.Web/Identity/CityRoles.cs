namespace CityOps.Flow.Web.Identity;

/// <summary>The roles of a city operations centre; a user may hold several.</summary>
public static class CityRoles
{
    public const string Operator = "operator";
    public const string Dispatcher = "dispatcher";
    public const string Handler = "handler";
    public const string Supervisor = "supervisor";
    public const string Leader = "leader";
    public const string Auditor = "auditor";
    public const string Administrator = "administrator";

    /// <summary>All roles, in the order the closed loop meets them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Operator, Dispatcher, Handler, Supervisor, Leader, Auditor, Administrator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

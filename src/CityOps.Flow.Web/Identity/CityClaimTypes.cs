namespace CityOps.Flow.Web.Identity;

/// <summary>Claims the portal adds to the sign-in cookie beside the name, id and roles.</summary>
public static class CityClaimTypes
{
    public const string DisplayName = "cityops:display_name";
    public const string PreferredLanguage = "cityops:language";
}

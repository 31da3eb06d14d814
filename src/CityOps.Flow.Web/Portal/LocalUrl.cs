namespace CityOps.Flow.Web.Portal;

/// <summary>Keeps redirects inside the portal: a return URL from a form or query is used only when it is local.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}

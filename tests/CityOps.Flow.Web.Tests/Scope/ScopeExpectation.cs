namespace CityOps.Flow.Web.Tests.Scope;

/// <summary>What a street-A user must get from a route when it is pointed at street-B data.</summary>
public enum ScopeExpectation
{
    /// <summary>404, exactly as for an unknown id (403 only where the user's role may not call the route at all).</summary>
    Hidden,

    /// <summary>A list (200) with nothing of street B in it, or 403 where the role may not call the route.</summary>
    ListWithoutB,

    /// <summary>An answer about the caller's own request (a report they filed) that shows nothing of street B's case.</summary>
    AnswerWithoutB,

    /// <summary>Refused (403) for everyone but administrators, whose engine tools span the installation.</summary>
    AdministratorsOnly,

    /// <summary>Figures (200) in which no case is counted: the only cases of the area asked for are street B's.</summary>
    NoCasesCounted,

    /// <summary>Refused: 403, 404, or the page's redirect back with <c>refused</c>; the task stays as it was.</summary>
    Refused,

    /// <summary>A page's form post without a named form: refused before the page reads any case; nothing of street B in the answer.</summary>
    FormPostWithoutB,

    /// <summary>Public by its specification (Open311 GeoReport v2): answered, but without any personal data.</summary>
    PublicWithoutPersonalData,
}

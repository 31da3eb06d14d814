namespace CityOps.Flow.Cases.Catalog;

/// <summary>The lower-case codes severities have in files, decision tables and the API: minor, normal, major, critical.</summary>
public static class SeverityCode
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Minor => "minor",
        Severity.Normal => "normal",
        Severity.Major => "major",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a severity"),
    };

    public static bool TryParse(string? code, out Severity severity)
    {
        (var known, severity) = code switch
        {
            "minor" => (true, Severity.Minor),
            "normal" => (true, Severity.Normal),
            "major" => (true, Severity.Major),
            "critical" => (true, Severity.Critical),
            _ => (false, Severity.Normal),
        };
        return known;
    }
}

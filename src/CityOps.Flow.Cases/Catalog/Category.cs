namespace CityOps.Flow.Cases.Catalog;

/// <summary>
/// One entry of the category catalogue: a class (大类, no parent, no time limit) or a subclass (小类, the code a report
/// carries, with its handling time limit).
/// </summary>
public sealed record Category
{
    public required string Code { get; init; }

    /// <summary>The class this subclass belongs to; null for a class.</summary>
    public string? ParentCode { get; init; }

    public required CategoryKind Kind { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>Null for a class; every subclass has one.</summary>
    public TimeLimit? TimeLimit { get; init; }

    public Severity DefaultSeverity { get; init; } = Severity.Normal;

    /// <summary>A danger to people (open manhole, gas smell, collapsed road): escalation starts earlier.</summary>
    public bool PublicSafety { get; init; }

    public bool IsClass => ParentCode is null;

    /// <summary>The Chinese name for a Chinese UI culture (zh, zh-CN, zh-Hans ...), the English one otherwise.</summary>
    public string NameFor(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}

namespace CityOps.Flow.Cases.Catalog;

/// <summary>A 12345 hotline request kind: 咨询, 求助, 投诉, 举报, 建议.</summary>
public sealed record RequestKind
{
    public required string Code { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }

    /// <summary>How long the hotline has to answer the caller (答复时限), in working time.</summary>
    public required TimeLimit ReplyLimit { get; init; }

    /// <summary>The Chinese name for a Chinese UI culture (zh, zh-CN, zh-Hans ...), the English one otherwise.</summary>
    public string NameFor(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}

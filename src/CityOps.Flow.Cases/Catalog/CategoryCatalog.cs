using System.Collections.Frozen;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>The validated category catalogue and the 12345 request kinds; immutable, safe to share.</summary>
public sealed class CategoryCatalog
{
    private readonly FrozenDictionary<string, Category> _byCode;
    private readonly FrozenDictionary<string, RequestKind> _requestKinds;
    private readonly FrozenDictionary<string, IReadOnlyList<Category>> _subclasses;

    internal CategoryCatalog(IReadOnlyList<Category> categories, IReadOnlyList<RequestKind> requestKinds)
    {
        Categories = categories;
        RequestKinds = requestKinds;
        _byCode = categories.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _requestKinds = requestKinds.ToFrozenDictionary(k => k.Code, StringComparer.Ordinal);
        _subclasses = categories
            .Where(c => c.ParentCode is not null)
            .GroupBy(c => c.ParentCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Category>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>Classes and subclasses in file order.</summary>
    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyList<RequestKind> RequestKinds { get; }

    public IEnumerable<Category> Classes => Categories.Where(c => c.IsClass);

    public Category? Find(string code) => _byCode.GetValueOrDefault(code);

    public RequestKind? FindRequestKind(string code) => _requestKinds.GetValueOrDefault(code);

    public IReadOnlyList<Category> SubclassesOf(string classCode) => _subclasses.GetValueOrDefault(classCode) ?? [];

    /// <summary>True when a report may carry this code: a subclass, which has a time limit.</summary>
    public bool IsReportable(string code) => Find(code) is { IsClass: false };
}

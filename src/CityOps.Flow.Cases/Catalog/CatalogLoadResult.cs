using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>Either a catalogue or every problem found in the file, never both.</summary>
public sealed record CatalogLoadResult
{
    private CatalogLoadResult(CategoryCatalog? catalog, IReadOnlyList<CatalogProblem> problems)
    {
        Catalog = catalog;
        Problems = problems;
    }

    public CategoryCatalog? Catalog { get; }

    public IReadOnlyList<CatalogProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Catalog))]
    public bool Succeeded => Catalog is not null;

    internal static CatalogLoadResult Loaded(CategoryCatalog catalog) => new(catalog, []);

    internal static CatalogLoadResult Failed(IReadOnlyList<CatalogProblem> problems) => new(null, problems);
}

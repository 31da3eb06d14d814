using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Tests.Catalog;

/// <summary>The catalogue shipped in samples/catalog, loaded once for all tests.</summary>
internal static class ShippedCatalog
{
    private static readonly Lazy<CategoryCatalog> Loaded = new(() =>
    {
        var result = CatalogLoader.LoadFile(RepositoryFiles.PathOf("samples/catalog/categories.json"));
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static CategoryCatalog Catalog => Loaded.Value;
}

using System.Data.Common;
using System.Globalization;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>
    /// Below this many cases for its rarest term a keyword is read from the keyword index even within one area; above
    /// it, rechecking the area's cases newest first reaches a page sooner than listing every case holding the term.
    /// </summary>
    public const int RareTermCases = 5_000;

    /// <summary>
    /// Whether some term of the keyword is held by few cases (SQLite's keyword index counts them; on PostgreSQL the
    /// GIN index keeps no such count, so no term is taken as rare there).
    /// </summary>
    private async Task<bool> HasRareTermAsync(DbConnection connection, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (Dialect != SqlDialect.Sqlite || terms.Count == 0)
        {
            return false;
        }

        var parameters = new DynamicParameters();
        var lookups = terms.Select((term, i) =>
        {
            var name = "Term" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, term);
            return $"SELECT coalesce((SELECT doc FROM case_search_vocabulary WHERE term = @{name}), 0) AS doc";
        });
        var fewest = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT min(doc) FROM ({string.Join(" UNION ALL ", lookups)}) t", parameters, cancellationToken: ct));
        return fewest < RareTermCases;
    }
}

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    private static readonly string[] AreaColumns = ["c.street_id", "c.community_id", "c.grid_id"];

    /// <summary>
    /// A search within one area (<c>@AreaId</c>: a street, community or grid). "The case's street, community or grid
    /// is the area" as one OR condition leads both SQLite and PostgreSQL to walk the whole district's opening-time
    /// index; asked once per level instead, each branch walks its own (level, opened_at) index newest first and stops
    /// after a page, and the newest page of the three is the answer.
    /// </summary>
    private static string AreaSearchSql(IReadOnlyList<string> where)
    {
        var rest = where.Count == 0 ? "" : "\n      AND " + string.Join("\n      AND ", where);
        var branches = AreaColumns.Select((column, i) => $"""
            SELECT b{i}.row_id FROM (
                SELECT c.row_id FROM cases c
                WHERE {column} = @AreaId{rest}
                ORDER BY c.opened_at DESC, c.row_id DESC
                LIMIT @Limit) b{i}
            """);
        return $"""
            SELECT {CaseColumns} FROM cases c
            WHERE c.row_id IN (
            {string.Join("\nUNION ALL\n", branches)})
            ORDER BY c.opened_at DESC, c.row_id DESC
            LIMIT @Limit
            """;
    }
}

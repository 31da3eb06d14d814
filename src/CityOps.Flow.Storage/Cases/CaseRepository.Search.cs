using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CityOps.Flow.Cases.Intake;
using Dapper;

namespace CityOps.Flow.Storage;

public sealed partial class CaseRepository
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// Cases in the caller's scope matching every criterion, newest opened first, <paramref name="pageSize"/> at a time.
    /// Pages are keyset-based (<paramref name="cursor"/> is the previous page's <see cref="CasePage.NextCursor"/>), so
    /// page 5,000 costs what page 1 does and a case opened meanwhile never shifts a page.
    /// </summary>
    public async Task<CasePage> SearchAsync(CaseQuery query, DataScope scope, int pageSize = 50, string? cursor = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var parameters = new DynamicParameters();
        var where = new List<string> { ScopeFilter(scope, parameters) };
        if (query.AreaId is { } areaId)
        {
            parameters.Add("AreaId", areaId);
        }

        Add(where, parameters, "c.opened_at >= @OpenedFrom", "OpenedFrom", query.OpenedFrom is { } from ? Instant(from) : null);
        Add(where, parameters, "c.opened_at < @OpenedTo", "OpenedTo", query.OpenedTo is { } to ? Instant(to) : null);
        Add(where, parameters, "c.category_code = @CategoryCode", "CategoryCode", query.CategoryCode);
        Add(where, parameters, "c.status = @Status", "Status", query.Status?.ToString());
        Add(where, parameters, "c.channel = @Channel", "Channel", query.Channel is { } channel ? ChannelCode.Of(channel) : null);
        Add(where, parameters, "c.lead_department_id = @DepartmentId", "DepartmentId", query.DepartmentId);
        if (!string.IsNullOrWhiteSpace(query.Keyword))
        {
            // Within one area the area's index narrows the cases to a few thousand, which the substring recheck reads
            // faster than the keyword index can list a common word's cases across the whole district.
            AddKeyword(where, parameters, query.Keyword.Trim(), useKeywordIndex: query.AreaId is null);
        }

        if (cursor is not null)
        {
            var (openedAt, rowId) = ParseCursor(cursor);
            parameters.Add("CursorAt", Instant(openedAt));
            parameters.Add("CursorRow", rowId);
            where.Add("(c.opened_at < @CursorAt OR (c.opened_at = @CursorAt AND c.row_id < @CursorRow))");
        }

        parameters.Add("Limit", pageSize + 1);
        await using var connection = await connections.OpenAsync(ct);
        var rows = (await connection.QueryAsync<CaseRow>(new CommandDefinition(
            query.AreaId is null
                ? $"""
                    SELECT {CaseColumns} FROM cases c
                    WHERE {string.Join("\n  AND ", where)}
                    ORDER BY c.opened_at DESC, c.row_id DESC
                    LIMIT @Limit
                    """
                : AreaSearchSql(where),
            parameters,
            cancellationToken: ct))).AsList();
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? FormatCursor(page[^1]) : null;
        return new CasePage([.. page.Select(r => r.ToRecord())], next);
    }

    private static void Add(List<string> where, DynamicParameters parameters, string condition, string name, object? value)
    {
        if (value is not null)
        {
            parameters.Add(name, value);
            where.Add(condition);
        }
    }

    /// <summary>
    /// A case number matches exactly. Otherwise the index finds the cases holding every term of every word of the
    /// keyword (unless <paramref name="useKeywordIndex"/> is false), and each word is rechecked as a substring of the
    /// description or address.
    /// </summary>
    private void AddKeyword(List<string> where, DynamicParameters parameters, string keyword, bool useKeywordIndex)
    {
        if (CaseNumberPattern().IsMatch(keyword))
        {
            parameters.Add("Number", keyword.ToUpperInvariant());
            where.Add("c.number = @Number");
            return;
        }

        var words = keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var terms = words.SelectMany(CaseSearchTerms.Of).Distinct(StringComparer.Ordinal).ToArray();
        if (terms.Length > 0 && useKeywordIndex)
        {
            if (Dialect == SqlDialect.Postgres)
            {
                parameters.Add("Terms", terms);
                where.Add("c.search_terms @> @Terms");
            }
            else
            {
                parameters.Add("Match", string.Join(' ', terms.Select(t => '"' + t + '"')));
                where.Add("c.row_id IN (SELECT rowid FROM case_search WHERE case_search MATCH @Match)");
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            var name = "Like" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, "%" + EscapeLike(words[i].ToLowerInvariant()) + "%");
            where.Add($"(lower(c.description) LIKE @{name} ESCAPE '\\' OR lower(c.address) LIKE @{name} ESCAPE '\\')");
        }
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string FormatCursor(CaseRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{SqlValues.ReadInstant(row.OpenedAt)!.Value.UtcTicks}.{row.RowId}");

    private static (DateTimeOffset OpenedAt, long RowId) ParseCursor(string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(cursor.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var rowId)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), rowId);
        }

        throw new ArgumentException($"'{cursor}' is not a case search cursor", nameof(cursor));
    }

    [GeneratedRegex(@"^PJ-\d{8}-\d{6}$", RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumberPattern();
}

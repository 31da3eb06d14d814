namespace CityOps.Flow.Storage;

/// <summary>One page of search results, newest first; pass <see cref="NextCursor"/> back for the next page (null: last page).</summary>
public sealed record CasePage(IReadOnlyList<CaseRecord> Cases, string? NextCursor);

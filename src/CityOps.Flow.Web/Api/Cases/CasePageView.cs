namespace CityOps.Flow.Web.Api.Cases;

/// <summary>One page of cases, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next (null: last page).</summary>
public sealed record CasePageView(IReadOnlyList<CaseView> Items, string? NextCursor);

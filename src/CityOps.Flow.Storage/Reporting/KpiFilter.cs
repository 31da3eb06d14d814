namespace CityOps.Flow.Storage;

/// <summary>Narrows key figures to one lead department, area (street, community or grid), category or first channel; null means any.</summary>
public sealed record KpiFilter
{
    public static KpiFilter None { get; } = new();

    public string? DepartmentId { get; init; }

    public string? AreaId { get; init; }

    public string? CategoryCode { get; init; }

    /// <summary>The channel code (<c>hotline</c>, <c>app</c> ...) of the report that opened the case.</summary>
    public string? Channel { get; init; }
}

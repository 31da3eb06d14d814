namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The window figures were computed for: local days <see cref="From"/> to <see cref="To"/> (both included) and the instants that bound it.</summary>
public sealed record KpiWindowView(string Period, DateOnly From, DateOnly To, DateTimeOffset FromInstant, DateTimeOffset ToInstant)
{
    public static KpiWindowView Of(KpiWindow window) =>
        new(window.Period.ToString().ToLowerInvariant(), window.FirstDay, window.LastDay, window.From, window.To);
}

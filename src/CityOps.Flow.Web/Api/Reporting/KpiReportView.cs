namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>Key figures over the cases opened in a window, and per group when a breakdown was asked for.</summary>
public sealed record KpiReportView(KpiWindowView Window, DateTimeOffset AsOf, string? By, KpiFiguresView Figures, IReadOnlyList<KpiGroupView>? Groups);

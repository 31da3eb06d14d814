namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The figures of the cases opened from local day <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record KpiTrendPoint(DateOnly From, DateOnly To, KpiFiguresView Figures);

using CityOps.Flow.Cases.Reporting;

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>A share with its counts: <see cref="Value"/> is <see cref="Count"/> / <see cref="Of"/> (0 to 1), null when nothing was counted.</summary>
public sealed record RateView(int Count, int Of, double? Value)
{
    public static RateView From(Rate rate) => new(rate.Count, rate.Of, rate.Value);
}

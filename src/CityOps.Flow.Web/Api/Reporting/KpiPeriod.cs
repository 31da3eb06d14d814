namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The kind of time window key figures are asked for: a day, a week (Monday to Sunday), a month, or a custom range of days.</summary>
public enum KpiPeriod
{
    Day,
    Week,
    Month,
    Range,
}

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The periods a trend is split into.</summary>
public enum KpiBucket
{
    Day,
    Week,
    Month,
}

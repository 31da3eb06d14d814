using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Reporting;

public static class KpiServiceCollectionExtensions
{
    /// <summary>Registers the KPI queries and reports; needs <c>AddCaseIntake</c> and <c>AddWorkflowRuntime</c> (the calendar) first.</summary>
    public static IServiceCollection AddKpiReporting(this IServiceCollection services)
    {
        services.AddSingleton<KpiRepository>();
        services.AddSingleton<KpiReports>();
        return services;
    }
}

namespace CityOps.Flow.Web.Api.Alarms;

public static class AlarmServiceCollectionExtensions
{
    /// <summary>The alarm machines' keys and per-key limits (<see cref="AlarmClients"/>); needs <c>AddCaseIntake</c>.</summary>
    public static IServiceCollection AddAlarmIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new AlarmClients(configuration));
        return services;
    }
}

namespace CityOps.Flow.Web.Api.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>Registers the supervision desk the API and the portal's board act through; needs <c>AddCaseIntake</c> first.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services) =>
        services.AddSingleton<SupervisionDesk>();
}

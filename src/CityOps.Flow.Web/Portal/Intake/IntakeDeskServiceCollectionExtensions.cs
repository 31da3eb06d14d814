namespace CityOps.Flow.Web.Portal.Intake;

public static class IntakeDeskServiceCollectionExtensions
{
    /// <summary>Registers the intake page's desk; needs case intake, attachments and addresses registered.</summary>
    public static IServiceCollection AddIntakeDesk(this IServiceCollection services) => services.AddSingleton<IntakeDesk>();
}

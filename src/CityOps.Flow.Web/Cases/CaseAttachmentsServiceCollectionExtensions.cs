using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

public static class CaseAttachmentsServiceCollectionExtensions
{
    /// <summary>Registers case photos (<see cref="CaseAttachments"/>); needs <c>AddCaseIntake</c> first.</summary>
    public static IServiceCollection AddCaseAttachments(this IServiceCollection services)
    {
        services.AddSingleton<AttachmentRepository>();
        services.AddSingleton<CaseAttachments>();
        return services;
    }
}

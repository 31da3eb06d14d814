namespace CityOps.Flow.Web.Cases.Tasks;

public static class CaseTaskServiceCollectionExtensions
{
    /// <summary>Registers the task groups, the task desk (acting on case tasks) and the worklist (inboxes). Needs <c>AddCaseIntake</c> first.</summary>
    public static IServiceCollection AddCaseTasks(this IServiceCollection services)
    {
        services.AddSingleton<TaskGroups>();
        services.AddSingleton<CaseTaskDesk>();
        services.AddSingleton<CaseWorklist>();
        return services;
    }
}

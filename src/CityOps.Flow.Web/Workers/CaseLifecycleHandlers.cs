using CityOps.Flow.Engine.Runtime.ServiceTasks;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// The service-task types the case lifecycle (workflows/case-lifecycle.bpmn) calls: <c>case-status</c> records the
/// case's status from the task's <c>status</c> header in the instance variable <c>caseStatus</c>; <c>notify</c> writes
/// one structured log line per warning or supervision notice (the process itself keeps the <c>notices</c> list).
/// </summary>
public static class CaseLifecycleHandlers
{
    public const string CaseStatus = "case-status";
    public const string Notify = "notify";

    public static ServiceTaskHandlers Register(ServiceTaskHandlers handlers, ILogger notices) =>
        handlers
            .Register(CaseStatus, context => context.Headers.TryGetValue("status", out var status)
                ? ServiceTaskResult.Completed(new Dictionary<string, object?> { ["caseStatus"] = status })
                : throw new InvalidOperationException($"Service task '{context.ElementId}' of type '{CaseStatus}' has no 'status' header."))
            .Register(Notify, context =>
            {
                var recipients = context.Variables.GetValueOrDefault("recipients") is IEnumerable<object?> list
                    ? list.Select(r => r?.ToString() ?? "").ToList()
                    : [];
                notices.LogInformation(
                    "Notice {Tier} (supervise {Supervise}) for case {CaseId} of instance {InstanceId} to {Recipients}",
                    context.Variables.GetValueOrDefault("tier"),
                    context.Variables.GetValueOrDefault("supervise"),
                    context.Variables.GetValueOrDefault("caseId"),
                    context.InstanceId,
                    recipients);
                return ServiceTaskResult.Completed();
            });
}

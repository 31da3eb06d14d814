using System.Globalization;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using Status = CityOps.Flow.Cases.Lifecycle.CaseStatus;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// The service-task types the case lifecycle (workflows/case-lifecycle.bpmn) calls. <c>case-status</c> brings the case
/// record to the status named by the task's <c>status</c> header (invalid, merged, dispatched, closed) by appending the
/// missing case events, so status, counts and reporting facts follow the workflow, and writes the lead department and
/// due time when a dispatch changed them; <c>case-due</c> writes the due time an approved extension or a reopening set
/// (the element's local <c>dueAt</c>); <c>notify</c> stores a supervision
/// notice for 督办 (<c>supervise = true</c>) and logs every warning. Both run inside the engine's command, which may
/// run again after a conflict, so each reads where the case stands first and appends only what is missing.
/// </summary>
public static class CaseLifecycleHandlers
{
    public const string CaseStatus = "case-status";
    public const string Notify = "notify";
    public const string CaseDue = "case-due";

    public static ServiceTaskHandlers Register(ServiceTaskHandlers handlers, CaseRepository cases, CityAreasSource areas, ILogger notices) =>
        handlers
            .Register(CaseStatus, context =>
            {
                if (!context.Headers.TryGetValue("status", out var status))
                {
                    throw new InvalidOperationException($"Service task '{context.ElementId}' of type '{CaseStatus}' has no 'status' header.");
                }

                if (Text(context, "caseId") is { } caseId)
                {
                    // The engine's handlers are synchronous; the record is written before the command commits.
                    FollowAsync(cases, areas, caseId, status, context).GetAwaiter().GetResult();
                }

                return ServiceTaskResult.Completed(new Dictionary<string, object?> { ["caseStatus"] = status });
            })
            .Register(CaseDue, context =>
            {
                if (Text(context, "caseId") is { } caseId && Instant(context.Variables.GetValueOrDefault("dueAt")) is { } dueAt)
                {
                    cases.MoveDueAsync(caseId, dueAt).GetAwaiter().GetResult();
                }

                return ServiceTaskResult.Completed();
            })
            .Register(Notify, context =>
            {
                var recipients = context.Variables.GetValueOrDefault("recipients") is IEnumerable<object?> list
                    ? list.Select(r => r?.ToString() ?? "").ToList()
                    : [];
                var tier = Text(context, "tier");
                var supervise = context.Variables.GetValueOrDefault("supervise") is true;
                notices.LogWarning(
                    "Notice {Tier} (supervise {Supervise}) for case {CaseId} of instance {InstanceId} to {Recipients}",
                    tier, supervise, Text(context, "caseId"), context.InstanceId, recipients);
                if (supervise && Text(context, "caseId") is { } caseId)
                {
                    SuperviseAsync(cases, caseId, tier, recipients, context).GetAwaiter().GetResult();
                }

                return ServiceTaskResult.Completed();
            });

    /// <summary>The events that take a case from where it stands to the status the workflow reached; empty when it is there already.</summary>
    public static IReadOnlyList<CaseEvent> Missing(Status current, string status, IReadOnlyDictionary<string, object?> variables, DateTimeOffset at)
    {
        var note = (string? name) => name is null ? null : variables.GetValueOrDefault(name)?.ToString();
        return (status, current) switch
        {
            ("dispatched", Status.Reported) =>
                [new(CaseEventKind.Filed, at, WorkflowActor), new(CaseEventKind.Dispatched, at, WorkflowActor, note("leadDepartment"))],
            ("dispatched", Status.Filed or Status.Reopened) =>
                [new(CaseEventKind.Dispatched, at, WorkflowActor, note("leadDepartment"))],
            ("closed", Status.AwaitingCallback) => note("satisfaction") switch
            {
                "satisfied" or "basically satisfied" => [new(CaseEventKind.CallbackSatisfied, at, WorkflowActor, note("satisfaction"))],
                // No answer within three working days, or a second dissatisfaction: closed without a satisfied callback.
                var other => [new(CaseEventKind.ClosedWithoutCallback, at, WorkflowActor, other ?? "no objection")],
            },
            ("merged", not (Status.Merged or Status.Cancelled or Status.Closed)) =>
                [new(CaseEventKind.Merged, at, WorkflowActor, note("duplicateOf"))],
            ("invalid", not (Status.Merged or Status.Cancelled or Status.Closed)) =>
                [new(CaseEventKind.Cancelled, at, WorkflowActor, note("triageReason") ?? "invalid")],
            _ => [],
        };
    }

    /// <summary>Who the case history names for what the workflow itself did.</summary>
    public const string WorkflowActor = "workflow";

    private static async Task FollowAsync(CaseRepository cases, CityAreasSource areas, string caseId, string status, ServiceTaskContext context)
    {
        var scope = await WholeCityAsync(areas, context);
        if (await cases.GetAsync(caseId, scope) is not { } found)
        {
            throw new InvalidOperationException($"case-status '{status}' at '{context.ElementId}': case {caseId} is not stored");
        }

        if (status == "dispatched" && Text(context, "leadDepartment") is { } lead)
        {
            // Filed by a dispatcher, re-filed after a return or reassigned by a leader: the department's handlers find
            // the case by its lead, and everyone sees the due time the first dispatch set.
            var dueAt = Instant(context.Variables.GetValueOrDefault("dueAt")) ?? found.DueAt;
            if (lead != found.LeadDepartmentId || dueAt != found.DueAt)
            {
                await cases.AssignAsync(caseId, lead, dueAt, autoDispatched: false);
            }
        }

        foreach (var caseEvent in Missing(found.Status, status, context.Variables, context.Now))
        {
            var outcome = await cases.AppendEventAsync(caseId, caseEvent);
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"case-status '{status}' at '{context.ElementId}': case {caseId} refused {caseEvent.Kind}: {outcome.Refusal}");
            }
        }
    }

    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");

    private static async Task SuperviseAsync(CaseRepository cases, string caseId, string? tier, IReadOnlyList<string> recipients, ServiceTaskContext context)
    {
        var parsed = Enum.TryParse<WarningTier>(tier, ignoreCase: true, out var t) ? t : WarningTier.Overdue;
        var department = Text(context, "leadDepartment");
        var scope = new DataScope([], department is null ? [] : [department]);
        var existing = department is null ? [] : await cases.ListSupervisionNoticesAsync(caseId, scope);
        if (existing.Any(n => n.Tier == parsed && n.IssuedAt == context.Now))
        {
            return;
        }

        await cases.AddSupervisionNoticeAsync(new SupervisionNotice
        {
            CaseId = caseId,
            Tier = parsed,
            IssuedAt = context.Now,
            IssuedBy = SupervisionNotice.BySystem,
            DepartmentId = department,
            // The stored text reads as the district writes (API clients show it); pages name the recipients in the reader's language.
            Message = $"系统督办，已通知{EscalationRecipients.List(recipients, ChineseCulture)}",
            Recipients = recipients,
        });
    }

    /// <summary>Every area of the city plus the lead department, so a case with no resolved address is found too.</summary>
    private static async Task<DataScope> WholeCityAsync(CityAreasSource areas, ServiceTaskContext context)
    {
        var city = await areas.GetAsync();
        var department = Text(context, "leadDepartment");
        return new DataScope(city.Everything.AreaIds, department is null ? [] : [department]);
    }

    /// <summary>A FEEL date-time variable as an instant; FEEL keeps date-times with their zone or offset.</summary>
    private static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTimeOffset instant => instant,
        FeelDateTime { Instant: { } instant } => instant,
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
        _ => null,
    };

    private static string? Text(ServiceTaskContext context, string name) => context.Variables.GetValueOrDefault(name)?.ToString();
}

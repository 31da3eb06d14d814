using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>
/// Moves a case's lifecycle instance to a department a leader named, from wherever it waits: the dispatcher's or the
/// district centre's filing is done for them, a triage desk's check is passed with the assignment (routing then
/// skips the dispatcher), and a case in handling is taken from its departments through the <c>leader-reassignment</c>
/// boundary message of the handling sub-process. Returns why it cannot, or null when the instance moved.
/// </summary>
public static class CaseHandOver
{
    /// <summary>The message the handling sub-process catches (workflows/case-lifecycle.bpmn, boundary <c>Reassigned</c>).</summary>
    public const string ReassignmentMessage = "leader-reassignment";

    private static readonly string[] FilingTasks = ["FileCase", "DistrictDecides"];
    private static readonly string[] HandlingTasks = ["HandleCase", "AssistCase", "FinaliseCase"];

    public static string? Run(WorkflowEngine engine, CaseRecord found, string department, string leaderId, string actor)
    {
        if (!Guid.TryParse(found.ProcessInstanceId, out var instanceId))
        {
            return $"case {found.Number} has no lifecycle instance to hand over";
        }

        var tasks = engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = 100 }).Items;
        var assignment = new Dictionary<string, object?> { ["assignedDepartment"] = department, ["assignedBy"] = leaderId };
        if (tasks.FirstOrDefault(t => FilingTasks.Contains(t.ElementId)) is { } filing)
        {
            var filed = new Dictionary<string, object?>(assignment) { ["leadDepartment"] = department, ["assistingDepartments"] = new List<object?>() };
            return engine.CompleteTask(filing.Id, filed, actor).Error;
        }

        if (tasks.FirstOrDefault(t => t.ElementId == "Triage") is { } triage)
        {
            var valid = new Dictionary<string, object?>(assignment) { ["triageOutcome"] = "valid" };
            return engine.CompleteTask(triage.Id, valid, actor).Error;
        }

        if (tasks.Any(t => HandlingTasks.Contains(t.ElementId)))
        {
            // Time to live zero: a message no handling step takes must not wait to surprise a later one.
            var reached = engine.CorrelateMessage(ReassignmentMessage, found.Id, assignment, TimeSpan.Zero, actor);
            return reached.Outcome == MessageCorrelationOutcome.Correlated
                ? null
                : $"the handling of case {found.Number} did not take the reassignment";
        }

        if (tasks.Any(t => t.ElementId == "DecideExtension"))
        {
            return $"case {found.Number} waits for a supervisor's decision on an extension; assign it once that is decided";
        }

        return $"case {found.Number} is at no step where a department can be assigned (open: {(tasks.Count == 0 ? "none" : string.Join(", ", tasks.Select(t => t.ElementId)))})";
    }
}

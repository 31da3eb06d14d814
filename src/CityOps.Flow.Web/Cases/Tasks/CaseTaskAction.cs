using System.Text.RegularExpressions;
using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>The named actions on lifecycle tasks, which task each applies to, and how a request body becomes task variables.</summary>
public static partial class CaseTaskAction
{
    public const string Claim = "claim";
    public const string Unclaim = "unclaim";
    public const string Accept = "accept";
    public const string Return = "return";
    public const string Assistance = "assistance";
    public const string Extension = "extension";
    public const string Complete = "complete";
    public const string Review = "review";
    public const string File = "file";
    public const string Decide = "decide";
    public const string Triage = "triage";
    public const string Assisted = "assisted";
    public const string Callback = "callback";

    private static readonly string[] HandlingActions = [Claim, Unclaim, Accept, Return, Assistance, Extension, Complete];

    /// <summary>The actions a task of this BPMN element takes.</summary>
    public static IReadOnlyList<string> For(string elementId) => elementId switch
    {
        "HandleCase" or "FinaliseCase" => HandlingActions,
        "ReviewResult" => [Claim, Unclaim, Review],
        "FileCase" or "DistrictDecides" => [Claim, Unclaim, File],
        "DecideExtension" => [Claim, Unclaim, Decide],
        "AssistCase" => [Claim, Unclaim, Assisted],
        "Triage" => [Claim, Unclaim, Triage],
        "CallBack" => [Claim, Unclaim, Callback],
        _ => [Claim, Unclaim],
    };

    /// <summary>
    /// The case command an action asks of the case record, so a page can offer only the actions the case's status
    /// allows; null for actions the workflow alone decides (file, decide, triage, assisted) and for claim and unclaim.
    /// </summary>
    public static CaseCommand? CommandOf(string action) => action switch
    {
        Accept => CaseCommand.Accept,
        Return => CaseCommand.Return,
        Assistance => CaseCommand.RequestAssistance,
        Extension => CaseCommand.RequestExtension,
        Complete => CaseCommand.Complete,
        Review => CaseCommand.ReviewAccept,
        Callback => CaseCommand.RecordCallbackSatisfied,
        _ => null,
    };

    /// <summary>The actions of the task, besides claim and unclaim, that the case's status allows now.</summary>
    public static IReadOnlyList<string> OfferedFor(string elementId, CaseStatus status) =>
        For(elementId)
            .Where(action => action is not (Claim or Unclaim))
            .Where(action => CommandOf(action) is not { } command || CaseTransitions.Apply(status, command).Accepted)
            .ToList();

    /// <summary>The plan for a named action, or the request's field problems.</summary>
    public static (TaskActionPlan? Plan, IReadOnlyDictionary<string, string[]> Problems) Plan(string action, TaskActionRequest body)
    {
        var problems = new Dictionary<string, string[]>();
        void Require(string field, bool present, string message)
        {
            if (!present)
            {
                problems[field] = [message];
            }
        }

        TaskActionPlan? plan = null;
        switch (action)
        {
            case File:
                Require("department", !string.IsNullOrWhiteSpace(body.Department), "is required: the lead department's id");
                // The workflow's dispatch (case-status dispatched) records the case's new lead and status.
                plan = new(
                    Vars(("leadDepartment", body.Department), ("assistingDepartments", body.Departments?.ToList<object?>() ?? [])),
                    null, null, body.Department);
                break;
            case Decide:
                Require("outcome", body.Outcome is "approve" or "deny", "must be approve or deny");
                plan = new(Vars(("extensionApproved", body.Outcome == "approve"), ("extensionDecisionReason", body.Reason)), null, null, body.Reason);
                break;
            case Triage:
                Require("outcome", body.Outcome is "valid" or "invalid", "must be valid or invalid");
                Require("reason", body.Outcome != "invalid" || !string.IsNullOrWhiteSpace(body.Reason), "is required when rejecting a report");
                // The workflow's reject (case-status invalid) or dispatch records it on the case.
                plan = new(Vars(("triageOutcome", body.Outcome), ("triageReason", body.Reason)), null, null, body.Reason);
                break;
            case Assisted:
                // One assisting department's part; the case stays in joint handling until the lead finalises.
                plan = new(Vars(("assistNotes", body.Result)), null, null, body.Result);
                break;
            case Accept:
                plan = new(null, CaseCommand.Accept, CaseEventKind.Accepted, null);
                break;
            case Return:
                Require("reason", !string.IsNullOrWhiteSpace(body.Reason), "is required: say why the case is not for this department");
                plan = new(Vars(("handlingOutcome", "return"), ("returnReason", body.Reason)), CaseCommand.Return, CaseEventKind.Returned, body.Reason);
                break;
            case Assistance:
                Require("departments", body.Departments is { Count: > 0 } list && list.All(d => !string.IsNullOrWhiteSpace(d)), "is required: the department ids asked to assist");
                plan = new(
                    Vars(("handlingOutcome", "assist"), ("assistingDepartments", body.Departments?.ToList<object?>())),
                    CaseCommand.RequestAssistance, CaseEventKind.AssistanceRequested, body.Departments is null ? null : string.Join(",", body.Departments));
                break;
            case Extension:
                Require("reason", !string.IsNullOrWhiteSpace(body.Reason), "is required: say why more time is needed");
                Require("limit", body.Limit is { } limit && WorkingDuration().IsMatch(limit), "is required: a working-time duration such as PT4H or P2D");
                plan = new(
                    Vars(("handlingOutcome", "extend"), ("extensionLimit", body.Limit), ("extensionReason", body.Reason)),
                    CaseCommand.RequestExtension, CaseEventKind.ExtensionRequested, $"{body.Limit}: {body.Reason}");
                break;
            case Complete:
                Require("result", !string.IsNullOrWhiteSpace(body.Result), "is required: what was done");
                plan = new(Vars(("handlingOutcome", "done"), ("handlingResult", body.Result)), CaseCommand.Complete, CaseEventKind.Completed, body.Result);
                break;
            case Review when body.Outcome == "accept":
                plan = new(Vars(("reviewOutcome", "accept"), ("reviewReason", body.Reason)), CaseCommand.ReviewAccept, CaseEventKind.ReviewAccepted, body.Reason);
                break;
            case Review when body.Outcome == "sendBack":
                Require("reason", !string.IsNullOrWhiteSpace(body.Reason), "is required when sending the result back");
                plan = new(Vars(("reviewOutcome", "sendBack"), ("reviewReason", body.Reason)), CaseCommand.ReviewSendBack, CaseEventKind.ReviewSentBack, body.Reason);
                break;
            case Review:
                problems["outcome"] = ["must be accept or sendBack"];
                break;
            case Callback:
                var satisfaction = body.Outcome switch
                {
                    "satisfied" => "satisfied",
                    "basicallySatisfied" => "basically satisfied",
                    "dissatisfied" => "dissatisfied",
                    _ => null,
                };
                Require("outcome", satisfaction is not null, "must be satisfied, basicallySatisfied or dissatisfied");
                // The workflow's close (case-status closed) or the reopen records the callback on the case.
                plan = new(
                    Vars(("satisfaction", satisfaction)),
                    satisfaction == "dissatisfied" ? CaseCommand.RecordCallbackDissatisfied : CaseCommand.RecordCallbackSatisfied,
                    null,
                    satisfaction);
                break;
            default:
                problems["action"] = [$"'{action}' is not a task action; use one of {string.Join(", ", HandlingActions.Concat([Review, Callback, File, Decide, Triage, Assisted]))}"];
                break;
        }

        return problems.Count > 0 ? (null, problems) : (plan, problems);
    }

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [GeneratedRegex(@"^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$")]
    private static partial Regex WorkingDuration();
}

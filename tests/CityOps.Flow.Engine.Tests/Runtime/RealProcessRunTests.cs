using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

/// <summary>
/// The real processes of ../shared/data/bpmn-real, as rewritten for this dialect next to the reader's tests, run to
/// their end: every open task is completed in turn and time moves on, and after every command the state rebuilt
/// from history equals the live state.
/// </summary>
public sealed class RealProcessRunTests
{
    private const string Completed = "completed";

    // These files come from bpmn-engine's own test suite, where a parallel gateway also merges paths that were never
    // taken (dead-path elimination). Under BPMN 2.0 token semantics, as in Zeebe and here, a parallel join waits for a
    // token on every incoming flow, so these instances stay at the join for an operator to see.
    private const string WaitsAtParallelJoin = "active at join";
    private const string WaitsAtParallelGather = "active at gather";

    public static TheoryData<string, string> Files() => new()
    {
        { "bpmn-elements__boundary-non-interupting-timer.bpmn", WaitsAtParallelJoin },
        { "bpmn-elements__boundary-timeout.bpmn", WaitsAtParallelJoin },
        { "bpmn-elements__conditional-flows.bpmn", Completed },
        { "bpmn-elements__escalation.bpmn", Completed },
        { "bpmn-elements__join-inbound.bpmn", WaitsAtParallelJoin },
        { "bpmn-elements__mother-of-all.bpmn", WaitsAtParallelJoin },
        { "bpmn-elements__task-with-multi-instance-loop.bpmn", Completed },
        { "bpmn-elements__user-task-reminder-timer.bpmn", Completed },
        { "bpmn-elements__wait-activities.bpmn", WaitsAtParallelGather },
        { "bpmn-engine__issue-187.bpmn", Completed },
        { "camunda-examples__invoicePayment.bpmn", Completed },
        { "camunda-examples__job-announcement.bpmn", Completed },
        { "camunda-examples__loan-granting.bpmn", Completed },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Real_process_runs_to_its_end_and_replays_exactly(string file, string expected)
    {
        var h = new RuntimeHarness(handlers =>
        {
            foreach (var type in new[] { "noop", "increment-input", "notify-overdue", "remind-rejection", "long-running", "notify-about-postings", "loanGranter", "requestRejecter" })
            {
                handlers.Register(type, _ => ServiceTaskResult.Completed());
            }

            handlers.Register("set-stop-loop", _ => ServiceTaskResult.Completed(new Dictionary<string, object?> { ["stopLoop"] = true }));
            handlers.Register("creditScoreChecker", _ => ServiceTaskResult.Completed(new Dictionary<string, object?> { ["creditScores"] = new[] { 3, 9 } }));
            handlers.Register("check-approvals", _ => ServiceTaskResult.Completed(new Dictionary<string, object?> { ["passed"] = true }));
        });
        var xml = File.ReadAllText(Path.Combine(RuntimeHarness.RepositoryRoot(), "tests", "CityOps.Flow.Engine.Tests", "Bpmn", "Real", file));
        if (file.Contains("job-announcement")) h.Deploy("subprocesses/job-announcement-publication.bpmn");
        var deployed = h.Engine.Deploy([new DeploymentResource(file, xml)]);
        Assert.True(deployed.Succeeded, string.Join(Environment.NewLine, deployed.Problems));
        foreach (var version in deployed.Versions) h.Engine.StartInstance(version.Id, StartVariables());
        if (h.Store.InstanceIds().Count == 0) h.Advance(TimeSpan.FromSeconds(5));

        for (var round = 0; round < 100 && Step(h); round++)
        {
            foreach (var id in h.Store.InstanceIds()) h.AssertReplayMatches(id);
        }

        Assert.NotEmpty(h.Store.InstanceIds());
        foreach (var state in h.Store.InstanceIds().Select(h.State))
        {
            Assert.Empty(state.Incidents.Values.Select(i => i.Message));
            var outcome = state.Status == InstanceStatus.Completed
                ? Completed
                : $"{state.Status.ToString().ToLowerInvariant()} at {string.Join(",", state.Tokens.Values.Skip(1).Select(t => t.ElementId).Distinct())}";
            Assert.Equal(expected, outcome);
        }
    }

    /// <summary>One move of an operator driving the instances: complete a task, else send an awaited message, else let the next timer fire.</summary>
    private static bool Step(RuntimeHarness h)
    {
        var active = h.Store.InstanceIds().Select(h.State).Where(s => !s.IsEnded).ToList();
        if (active.Count == 0) return false;
        var open = h.Engine.QueryTasks(new TaskQuery { Limit = 1 }).Items;
        if (open.Count > 0)
        {
            h.Engine.CompleteTask(open[0].Id, TaskVariables(), "operator").Expect();
            return true;
        }

        if (active.SelectMany(s => s.MessageSubscriptions.Values).FirstOrDefault() is { } awaited)
        {
            h.Engine.CorrelateMessage(awaited.MessageName, awaited.CorrelationKey, timeToLive: TimeSpan.Zero);
            return true;
        }

        if (h.Store.NextDueTime() is not { } due) return false;
        h.Clock.SetUtcNow(due > h.Clock.GetUtcNow() ? due : h.Clock.GetUtcNow());
        h.Engine.FireDueJobs();
        return true;
    }

    private static Dictionary<string, object?> StartVariables() => new()
    {
        ["prj_id"] = "PRJ-1",
        ["handlers"] = new[] { "18631114969", "18173126975" },
        ["list"] = new[] { 1, 2, 3 },
        ["loopCondition"] = false,
        ["input"] = 0,
        ["amount"] = 5,
        ["take2"] = true,
        ["take4"] = false,
        ["creditScores"] = new[] { 3, 9 },
        ["approved"] = true,
        ["requester"] = "hr.liu",
        ["stopLoop"] = false,
        ["caseId"] = "CASE-1",
        ["jobAnnouncementId"] = 7,
    };

    private static Dictionary<string, object?> TaskVariables() => new()
    {
        ["approved"] = true,
        ["passed"] = true,
        ["pass"] = true,
        ["break"] = false,
        ["amount"] = 5,
        ["clarified"] = true,
        ["facebook"] = true,
        ["twitter"] = false,
    };
}

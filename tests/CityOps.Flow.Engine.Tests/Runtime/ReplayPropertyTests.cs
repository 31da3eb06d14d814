using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Tests.Runtime;

/// <summary>
/// Random command sequences over the sample processes: after every command, each instance rebuilt from its
/// history alone equals the live state, and the store's task, job and subscription rows agree with the instance.
/// </summary>
public sealed class ReplayPropertyTests
{
    private static readonly string[] Files =
    [
        "basic/review-and-approve.bpmn", "gateways/inclusive-join.bpmn", "gateways/parallel-join.bpmn",
        "timers/reminder-cycle.bpmn", "timers/deadline.bpmn", "multi-instance/parallel-deadline.bpmn",
        "multi-instance/sequential-until-approved.bpmn", "escalation/subprocess-escalation.bpmn",
        "messages/payment-race.bpmn", "messages/callback-after-work.bpmn", "messages/report-by-message.bpmn",
        "subprocesses/call-child.bpmn", "subprocesses/terminate-branch.bpmn", "signals/storm-alert.bpmn",
        "errors/handler-errors.bpmn", "decisions/routing.dmn", "decisions/route-and-handle.bpmn",
    ];

    private static readonly string[] Startable =
    [
        "review_and_approve", "inclusive_join", "parallel_join", "reminder_cycle", "deadline", "parallel_deadline",
        "sequential_until_approved", "subprocess_escalation", "feedback_race", "callback_after_work", "call_parent",
        "terminate_branch", "storm_watch", "handler_errors", "route_and_handle",
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void State_rebuilt_from_history_equals_the_live_state_after_every_command(int seed)
    {
        var random = new Random(seed);
        var h = new RuntimeHarness(handlers => handlers
            .Register("send-reminder", _ => ServiceTaskResult.Completed())
            .Register("geocode", _ => random.Next(3) switch
            {
                0 => ServiceTaskResult.Error("NO_ADDRESS"),
                1 => ServiceTaskResult.Error("UNMAPPED"),
                _ => ServiceTaskResult.Completed(new Dictionary<string, object?> { ["location"] = "grid-" + random.Next(9) }),
            }));
        h.Deploy(Files);
        var instances = new HashSet<Guid>();

        for (var step = 0; step < 40; step++)
        {
            var command = Act(h, random, instances);
            foreach (var id in instances.ToList())
            {
                foreach (var child in h.History(id).OfType<ChildInstanceStarted>()) instances.Add(child.ChildInstanceId);
            }

            foreach (var id in instances)
            {
                var live = StateText.Describe(h.State(id));
                var replayed = StateText.Describe(InstanceReplay.StateAt(h.History(id)));
                Assert.True(live == replayed, $"seed {seed}, step {step} ({command}), instance {id}:\nlive:\n{live}\nreplayed:\n{replayed}");
                var indexed = h.Engine.QueryTasks(new TaskQuery { InstanceId = id, Limit = 1000 }).Items.Select(t => t.Id).Order();
                var state = h.State(id);
                Assert.Equal(state.OpenTasks.Keys.Order(), indexed);
                Assert.All(state.Jobs.Values, job => Assert.Equal(job.DueAt, h.Store.FindJob(job.Id)?.DueAt));
                Assert.All(state.MessageSubscriptions.Values, s =>
                    Assert.Contains(h.Store.FindMessageSubscriptions(s.MessageName, s.CorrelationKey), indexedSubscription => indexedSubscription.Id == s.Id));
            }
        }
    }

    private static string Act(RuntimeHarness h, Random random, HashSet<Guid> instances)
    {
        var open = h.Engine.QueryTasks(new TaskQuery { Limit = 1000 }).Items;
        switch (random.Next(10))
        {
            case 0 or 1:
                var process = Startable[random.Next(Startable.Length)];
                instances.Add(h.Engine.StartInstance(process, StartVariables(random)).Expect());
                return "start " + process;
            case 2 or 3 or 4 when open.Count > 0:
                var task = open[random.Next(open.Count)];
                h.Engine.CompleteTask(task.Id, new Dictionary<string, object?>
                {
                    ["amount"] = random.Next(200),
                    ["approved"] = random.Next(2) == 0,
                    ["misrouted"] = random.Next(3) == 0,
                    ["opinion"] = "ok",
                    ["reviewer"] = "li.na",
                }, "user-" + random.Next(3)).Expect();
                return "complete " + task.ElementId;
            case 5 when open.Count > 0:
                var claimed = open[random.Next(open.Count)];
                _ = random.Next(3) switch
                {
                    0 => h.Engine.ClaimTask(claimed.Id, "user-" + random.Next(3)),
                    1 => h.Engine.UnclaimTask(claimed.Id, "user-x"),
                    _ => h.Engine.AssignTask(claimed.Id, random.Next(2) == 0 ? null : "user-" + random.Next(3), "dispatcher"),
                };
                return "claim/assign " + claimed.ElementId;
            case 6:
                var names = new[] { "citizen-feedback", "callback", "report-received", "report-withdrawn" };
                var name = names[random.Next(names.Length)];
                var result = h.Engine.CorrelateMessage(name, "C-" + random.Next(3), new Dictionary<string, object?> { ["reportId"] = "C-" + random.Next(3) },
                    random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromHours(1));
                instances.UnionWith(result.Instances);
                return "message " + name;
            case 7:
                instances.UnionWith(h.Engine.BroadcastSignal(random.Next(2) == 0 ? "storm-alert" : "drill"));
                return "signal";
            case 8:
                var fired = h.Advance(TimeSpan.FromMinutes(random.Next(1, 300)));
                return $"advance ({fired} jobs)";
            default:
                if (instances.Count == 0) return "nothing";
                var target = instances.ElementAt(random.Next(instances.Count));
                if (random.Next(2) == 0)
                {
                    h.Engine.CancelInstance(target, "random");
                    return "cancel";
                }

                h.Engine.SetVariables(target, new Dictionary<string, object?> { ["note"] = random.Next(100) }, actor: "operator");
                return "set variables";
        }
    }

    private static Dictionary<string, object?> StartVariables(Random random) => new()
    {
        ["amount"] = random.Next(200),
        ["dueAt"] = RuntimeHarness.Epoch.AddHours(random.Next(100)),
        ["priority"] = random.Next(100),
        ["needsRoads"] = random.Next(2) == 0,
        ["needsWater"] = random.Next(2) == 0,
        ["timeLimit"] = "PT" + random.Next(1, 6) + "H",
        ["departments"] = Enumerable.Range(0, random.Next(0, 4)).Select(i => "dept-" + i).ToList(),
        ["leaders"] = Enumerable.Range(0, random.Next(1, 4)).Select(i => "leader-" + i).ToList(),
        ["caseNo"] = "C-" + random.Next(3),
        ["department"] = "roads",
        ["address"] = "1 Renmin Road",
        ["category"] = random.Next(2) == 0 ? "leak" : "pothole",
        ["level"] = "A",
    };
}

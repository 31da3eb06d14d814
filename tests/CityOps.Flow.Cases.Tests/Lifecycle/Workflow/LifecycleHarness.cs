using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

/// <summary>
/// The shipped workflows/case-lifecycle.bpmn with routing.dmn and escalation.dmn, deployed on the in-memory store,
/// a hand-moved clock and the demo district's working-time calendar; records what the host's notify and
/// case-status handlers were asked to do.
/// </summary>
internal sealed class LifecycleHarness
{
    public const string ProcessId = "case-lifecycle";

    public LifecycleHarness(DateTimeOffset start)
    {
        Clock = new AdjustableClock(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var functions = new FeelFunctionRegistry();
        WorkingTimeFunctions.Register(functions, DemoCalendar.Calendar);
        var feel = new FeelEngine(Clock, functions);
        var handlers = new ServiceTaskHandlers()
            .Register("notify", context =>
            {
                Notices.Add(new Notice(
                    (string)context.Variables["tier"]!,
                    (bool)context.Variables["supervise"]!,
                    [.. ((IEnumerable<object?>)context.Variables["recipients"]!).Select(r => (string)r!)],
                    context.Now));
                return ServiceTaskResult.Completed();
            })
            .Register("case-status", context =>
            {
                Statuses.Add(context.Headers["status"]);
                return ServiceTaskResult.Completed();
            })
            .Register("case-due", context =>
            {
                DueTimes.Add(context.Variables["dueAt"] switch
                {
                    FeelDateTime { Instant: { } instant } => instant,
                    var other => (DateTimeOffset)other!,
                });
                return ServiceTaskResult.Completed();
            });
        Engine = new WorkflowEngine(Store, Clock, feel, new DmnEvaluator(feel), handlers);
        var deployed = Engine.Deploy([Resource("workflows/routing.dmn"), Resource("workflows/escalation.dmn"), Resource("workflows/case-lifecycle.bpmn")]);
        Assert.True(deployed.Succeeded, string.Join(Environment.NewLine, deployed.Problems));
    }

    public AdjustableClock Clock { get; }
    public InMemoryWorkflowStore Store { get; } = new();
    public WorkflowEngine Engine { get; }
    public List<Notice> Notices { get; } = [];
    public List<string> Statuses { get; } = [];

    /// <summary>The due times the case-due handler was told (extension approved, case reopened).</summary>
    public List<DateTimeOffset> DueTimes { get; } = [];

    /// <summary>What the notify handler was asked to send.</summary>
    public sealed record Notice(string Tier, bool Supervise, IReadOnlyList<string> Recipients, DateTimeOffset At);

    public static DeploymentResource Resource(string relative) =>
        new(System.IO.Path.GetFileName(relative), File.ReadAllText(RepositoryFiles.PathOf(relative)));

    /// <summary>The variables the host gives a filed case; <paramref name="overrides"/> replaces or adds some.</summary>
    public static Dictionary<string, object?> CaseVariables(string categoryCode, string timeLimit, params (string Name, object? Value)[] overrides)
    {
        var variables = new Dictionary<string, object?>
        {
            ["caseId"] = "C-20261102-0001",
            ["categoryCode"] = categoryCode,
            ["streetId"] = "310199001",
            ["communityId"] = "310199001001",
            ["channel"] = "hotline",
            ["severity"] = "normal",
            ["clusterSize"] = 1,
            ["categoryTimeLimit"] = timeLimit,
            ["publicSafety"] = false,
            ["duplicateOf"] = null,
            ["assignedDepartment"] = null,
            ["keyCase"] = false,
            ["keyCaseLeader"] = null,
        };
        foreach (var (name, value) in overrides) variables[name] = value;
        return variables;
    }

    public Guid Start(Dictionary<string, object?> variables) => Engine.StartInstance(ProcessId, variables).Expect();

    public IReadOnlyList<UserTaskRecord> Tasks(Guid instanceId) =>
        Engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = 100 }).Items;

    /// <summary>The open tasks as "element @ candidate groups", sorted, as a work list shows them.</summary>
    public IReadOnlyList<string> WorkList(Guid instanceId) =>
        [.. Tasks(instanceId).Select(t => $"{t.ElementId} @ {string.Join(",", t.CandidateGroups)}").Order(StringComparer.Ordinal)];

    public UserTaskRecord Task(Guid instanceId, string elementId) => Assert.Single(Tasks(instanceId), t => t.ElementId == elementId);

    public void Complete(Guid instanceId, string elementId, params (string Name, object? Value)[] variables) =>
        Complete(Task(instanceId, elementId), variables);

    public void Complete(UserTaskRecord task, params (string Name, object? Value)[] variables) =>
        Engine.CompleteTask(task.Id, variables.ToDictionary(v => v.Name, v => v.Value)).Expect();

    public int AdvanceTo(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return Engine.FireDueJobs();
    }

    public ProcessInstanceState State(Guid instanceId) => Engine.FindInstance(instanceId) ?? throw new InvalidOperationException("no instance");

    public object? Variable(Guid instanceId, string name) =>
        State(instanceId).LocalVariables(ProcessInstanceState.RootTokenId).GetValueOrDefault(name);

    /// <summary>A date-time variable as the instant it names (FEEL keeps date-times with their zone).</summary>
    public DateTimeOffset? Instant(Guid instanceId, string name) => Variable(instanceId, name) switch
    {
        FeelDateTime { Instant: { } instant } => instant,
        DateTimeOffset instant => instant,
        _ => null,
    };

    public IReadOnlyList<HistoryEvent> History(Guid instanceId) => Engine.History(instanceId);

    /// <summary>The elements the instance passed, in order (each entry once per visit).</summary>
    public IReadOnlyList<string> Path(Guid instanceId) =>
        [.. History(instanceId).OfType<ElementEntered>().Select(e => e.ElementId!)];

    /// <summary>The portal's timeline and position come from history: replaying it must give the live state.</summary>
    public void AssertHistoryReplays(Guid instanceId)
    {
        var live = State(instanceId);
        var replayed = InstanceReplay.StateAt(History(instanceId));
        Assert.Equal(live.Status, replayed.Status);
        Assert.Equal(Describe(live.OpenTasks.Values), Describe(replayed.OpenTasks.Values));
        Assert.Equal(live.Jobs.Values.Select(j => (j.ElementId, j.DueAt)).Order(), replayed.Jobs.Values.Select(j => (j.ElementId, j.DueAt)).Order());
        var variables = live.LocalVariables(ProcessInstanceState.RootTokenId);
        var replayedVariables = replayed.LocalVariables(ProcessInstanceState.RootTokenId);
        Assert.Equal(variables.Keys.Order(StringComparer.Ordinal), replayedVariables.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, value) in variables) Assert.Equal(value, replayedVariables[name]);

        static IEnumerable<string> Describe(IEnumerable<UserTaskRecord> tasks) =>
            tasks.Select(t => $"{t.Id} {t.ElementId} {string.Join(",", t.CandidateGroups)} {t.DueDate:O}").Order(StringComparer.Ordinal);
    }

    public void AssertNoIncidents(Guid instanceId) =>
        Assert.True(State(instanceId).Incidents.Count == 0, string.Join("; ", State(instanceId).Incidents.Values.Select(i => i.Message)));
}

using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Tests.Runtime;

/// <summary>An engine on the in-memory store and a hand-moved clock, with the small process files of these tests.</summary>
internal sealed class RuntimeHarness
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public RuntimeHarness(Action<ServiceTaskHandlers>? handlers = null, WorkflowEngineOptions? options = null)
    {
        handlers?.Invoke(Handlers);
        var feel = new FeelEngine(Clock);
        Engine = new WorkflowEngine(Store, Clock, feel, new DmnEvaluator(feel), Handlers, options);
    }

    public AdjustableClock Clock { get; } = new(Epoch);
    public InMemoryWorkflowStore Store { get; } = new();
    public ServiceTaskHandlers Handlers { get; } = new();
    public WorkflowEngine Engine { get; }

    public static string ProcessFile(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "CityOps.Flow.Engine.Tests", "Runtime", "Processes", relativePath));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("No CityOps.Flow.sln above " + AppContext.BaseDirectory);
    }

    public DeploymentResult Deploy(params string[] relativePaths)
    {
        var result = Engine.Deploy([.. relativePaths.Select(p => new DeploymentResource(Path.GetFileName(p), ProcessFile(p)))]);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result;
    }

    public Guid Start(string processId, object? variables = null) =>
        Engine.StartInstance(processId, Variables(variables)).Expect();

    public static IReadOnlyDictionary<string, object?>? Variables(object? anonymous) => anonymous switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map,
        _ => anonymous.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(anonymous)),
    };

    public ProcessInstanceState State(Guid instanceId) => Engine.FindInstance(instanceId) ?? throw new InvalidOperationException("no instance");

    public IReadOnlyList<UserTaskRecord> Tasks(Guid instanceId) =>
        Engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = 1000 }).Items;

    public UserTaskRecord Task(Guid instanceId, string elementId) => Assert.Single(Tasks(instanceId), t => t.ElementId == elementId);

    public void Complete(Guid instanceId, string elementId, object? variables = null) =>
        Engine.CompleteTask(Task(instanceId, elementId).Id, Variables(variables)).Expect();

    public int Advance(TimeSpan by)
    {
        Clock.Advance(by);
        return Engine.FireDueJobs();
    }

    public object? Variable(Guid instanceId, string name) => State(instanceId).LocalVariables(ProcessInstanceState.RootTokenId).GetValueOrDefault(name);

    public IReadOnlyList<string> ActiveElements(Guid instanceId) =>
        [.. State(instanceId).Tokens.Values.Where(t => t.Id != ProcessInstanceState.RootTokenId).Select(t => t.ElementId).Order()];

    public IReadOnlyList<HistoryEvent> History(Guid instanceId) => Engine.History(instanceId);

    /// <summary>The state rebuilt from history alone must equal the stored live state.</summary>
    public void AssertReplayMatches(Guid instanceId) =>
        Assert.Equal(StateText.Describe(State(instanceId)), StateText.Describe(InstanceReplay.StateAt(History(instanceId))));
}

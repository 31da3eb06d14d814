using System.Text;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Storage.Tests.Workflows;

/// <summary>The real engine on a given store with a hand-moved clock, driving the engine's own test processes.</summary>
internal sealed class EngineRun
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly List<Guid> started = [];

    public EngineRun(IWorkflowStore store, Action<ServiceTaskHandlers>? handlers = null)
    {
        Store = store;
        Handlers = new ServiceTaskHandlers()
            .Register("send-reminder", _ => ServiceTaskResult.Completed())
            .Register("geocode", _ => ServiceTaskResult.Completed());
        handlers?.Invoke(Handlers);
        var feel = new FeelEngine(Clock);
        Engine = new WorkflowEngine(store, Clock, feel, new DmnEvaluator(feel), Handlers);
    }

    public AdjustableClock Clock { get; } = new(Epoch);

    public IWorkflowStore Store { get; }

    public ServiceTaskHandlers Handlers { get; }

    public WorkflowEngine Engine { get; }

    public void Deploy(params string[] files)
    {
        var result = Engine.Deploy([.. files.Select(f => new DeploymentResource(Path.GetFileName(f), File.ReadAllText(ProcessFile(f))))]);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
    }

    public Guid Start(string processId, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var id = Engine.StartInstance(processId, variables).Expect();
        started.Add(id);
        return id;
    }

    public IReadOnlyList<UserTaskRecord> Tasks(Guid instanceId) =>
        Engine.QueryTasks(new TaskQuery { InstanceId = instanceId, Limit = 1000 }).Items;

    public void Complete(Guid instanceId, string elementId, IReadOnlyDictionary<string, object?>? variables = null) =>
        Engine.CompleteTask(Assert.Single(Tasks(instanceId), t => t.ElementId == elementId).Id, variables).Expect();

    public int Advance(TimeSpan by)
    {
        Clock.Advance(by);
        return Engine.FireDueJobs();
    }

    public Guid ChildOf(Guid parent) => Assert.Single(Engine.History(parent).OfType<ChildInstanceStarted>()).ChildInstanceId;

    /// <summary>Every started instance and its children, state and history, the whole inbox and the next timer, ids numbered.</summary>
    public string Transcript()
    {
        var text = new StringBuilder();
        var pending = new Queue<Guid>(started);
        var seen = new HashSet<Guid>();
        var visited = new List<Guid>();
        while (pending.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            visited.Add(id);
            var history = Engine.History(id);
            text.Append(Workflows.Transcript.OfState(Engine.FindInstance(id)!));
            text.Append(Workflows.Transcript.OfHistory(history));
            foreach (var child in history.OfType<ChildInstanceStarted>())
            {
                pending.Enqueue(child.ChildInstanceId);
            }
        }

        // Tasks tie on due date, priority and creation here, so the inbox is listed in instance order, not by random id.
        var order = visited.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var inbox = Engine.QueryTasks(new TaskQuery { Limit = 1000 });
        var listed = inbox.Items.OrderBy(t => order.GetValueOrDefault(t.InstanceId, int.MaxValue)).ThenBy(t => t.TokenId);
        text.AppendLine($"inbox {inbox.Total}: " + string.Join(", ", listed.Select(t => $"{t.InstanceId}/{t.ElementId}/{t.Assignee}")));
        text.AppendLine($"next timer {Store.NextDueTime()?.UtcDateTime:O}");
        return Workflows.Transcript.WithoutIds(text.ToString());
    }

    private static string ProcessFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityOps.Flow.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "CityOps.Flow.Engine.Tests", "Runtime", "Processes", relativePath);
            }
        }

        throw new DirectoryNotFoundException("No CityOps.Flow.sln above " + AppContext.BaseDirectory);
    }
}

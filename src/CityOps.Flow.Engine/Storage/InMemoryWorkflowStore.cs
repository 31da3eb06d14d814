using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;
using CityOps.Flow.Engine.Runtime.State;
using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Storage;

/// <summary>
/// The store for tests, demos and benchmarks: every contract of <see cref="IWorkflowStore"/> held in memory,
/// with the same optimistic concurrency and job locking the SQL stores give. It takes ownership of the states
/// it is handed in a commit and hands out copies on load.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ProcessDefinitionRecord>> _processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DecisionDefinitionRecord>> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, (ProcessInstanceState State, long Version)> _instances = [];
    private readonly Dictionary<Guid, List<HistoryEvent>> _history = [];
    private readonly Dictionary<Guid, UserTaskRecord> _tasks = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _tasksByInstance = [];
    private readonly Dictionary<Guid, JobRecord> _jobs = [];
    private readonly Dictionary<Guid, MessageSubscriptionRecord> _messageSubscriptions = [];
    private readonly Dictionary<(string Name, string Key), HashSet<Guid>> _messageIndex = [];
    private readonly Dictionary<Guid, SignalSubscriptionRecord> _signalSubscriptions = [];
    private readonly Dictionary<Guid, BufferedMessage> _buffered = [];

    public ProcessDefinitionRecord? FindProcess(string processId, int? version = null)
    {
        lock (_gate)
        {
            if (!_processes.TryGetValue(processId, out var versions)) return null;
            return version is null ? versions[^1] : versions.Find(v => v.Version == version);
        }
    }

    public IReadOnlyList<ProcessDefinitionRecord> LatestProcesses()
    {
        lock (_gate)
        {
            return [.. _processes.Values.Select(v => v[^1])];
        }
    }

    public DecisionDefinitionRecord? FindDecisionResource(string decisionId)
    {
        lock (_gate)
        {
            return _decisions.Values.Select(v => v[^1])
                .Where(d => d.DecisionIds.Contains(decisionId))
                .MaxBy(d => d.DeployedAt);
        }
    }

    public DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null)
    {
        lock (_gate)
        {
            if (!_decisions.TryGetValue(definitionsId, out var versions)) return null;
            return version is null ? versions[^1] : versions.Find(v => v.Version == version);
        }
    }

    /// <summary>Every instance held, oldest first (for tests and demos; the SQL stores page their own listings).</summary>
    public IReadOnlyList<Guid> InstanceIds()
    {
        lock (_gate)
        {
            return [.. _instances.OrderBy(i => i.Value.State.StartedAt).Select(i => i.Key)];
        }
    }

    public StoredInstance? LoadInstance(Guid instanceId)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(instanceId, out var stored) ? new StoredInstance(stored.State.Clone(), stored.Version) : null;
        }
    }

    public IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey)
    {
        lock (_gate)
        {
            return _messageIndex.TryGetValue((messageName, correlationKey), out var ids)
                ? [.. ids.Select(id => _messageSubscriptions[id]).OrderBy(s => s.OpenedAt)]
                : [];
        }
    }

    public IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName)
    {
        lock (_gate)
        {
            return [.. _signalSubscriptions.Values.Where(s => s.SignalName == signalName)];
        }
    }

    public IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _buffered.Values
                .Where(m => m.MessageName == messageName && m.CorrelationKey == correlationKey && m.ExpiresAt > now)
                .OrderBy(m => m.PublishedAt)];
        }
    }

    public CommitOutcome Commit(WorkflowCommit commit)
    {
        lock (_gate)
        {
            foreach (var change in commit.Instances)
            {
                var current = _instances.TryGetValue(change.InstanceId, out var stored) ? stored.Version : 0;
                if (current != change.ExpectedVersion) return CommitOutcome.Conflict;
            }

            foreach (var definition in commit.ProcessDefinitionsAdded)
            {
                if (!_processes.TryGetValue(definition.ProcessId, out var versions))
                {
                    versions = [];
                    _processes[definition.ProcessId] = versions;
                }

                versions.Add(definition);
            }

            foreach (var definition in commit.DecisionDefinitionsAdded)
            {
                if (!_decisions.TryGetValue(definition.DefinitionsId, out var versions))
                {
                    versions = [];
                    _decisions[definition.DefinitionsId] = versions;
                }

                versions.Add(definition);
            }

            foreach (var change in commit.Instances) Apply(change);
            foreach (var job in commit.DefinitionJobsSaved) _jobs[job.Id] = job;
            foreach (var id in commit.DefinitionJobsRemoved) _jobs.Remove(id);
            foreach (var message in commit.MessagesBuffered) _buffered[message.Id] = message;
            foreach (var id in commit.BufferedMessagesConsumed) _buffered.Remove(id);
            return CommitOutcome.Committed;
        }
    }

    public IReadOnlyList<JobRecord> AcquireDueJobs(DateTimeOffset now, string lockOwner, DateTimeOffset lockUntil, int maxJobs)
    {
        lock (_gate)
        {
            var due = _jobs.Values
                .Where(j => j.DueAt <= now && (j.LockExpiresAt is null || j.LockExpiresAt <= now))
                .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
                .Take(maxJobs)
                .Select(j => j with { LockOwner = lockOwner, LockExpiresAt = lockUntil })
                .ToList();
            foreach (var job in due) _jobs[job.Id] = job;
            return due;
        }
    }

    public JobRecord? FindJob(Guid jobId)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(jobId);
        }
    }

    public IReadOnlyList<JobRecord> FindStartTimerJobs(string processId)
    {
        lock (_gate)
        {
            return [.. _jobs.Values.Where(j => j.Kind == JobKind.TimerStart && j.ProcessId == processId)];
        }
    }

    public void ReleaseJob(Guid jobId, string lockOwner)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out var job) && job.LockOwner == lockOwner)
            {
                _jobs[jobId] = job with { LockOwner = null, LockExpiresAt = null };
            }
        }
    }

    public DateTimeOffset? NextDueTime()
    {
        lock (_gate)
        {
            return _jobs.Count == 0 ? null : _jobs.Values.Min(j => j.DueAt);
        }
    }

    public UserTaskRecord? FindTask(Guid taskId)
    {
        lock (_gate)
        {
            return _tasks.GetValueOrDefault(taskId);
        }
    }

    public TaskPage QueryTasks(TaskQuery query)
    {
        lock (_gate)
        {
            IEnumerable<UserTaskRecord> candidates = query.InstanceId is { } instance
                ? _tasksByInstance.TryGetValue(instance, out var ids) ? ids.Select(id => _tasks[id]) : []
                : _tasks.Values;
            var matching = candidates.Where(t => Matches(t, query)).ToList();
            matching.Sort(TaskOrder.Instance);
            return new TaskPage([.. matching.Skip(query.Offset).Take(query.Limit)], matching.Count);
        }
    }

    public IReadOnlyList<HistoryEvent> ReadHistory(Guid instanceId)
    {
        lock (_gate)
        {
            return _history.TryGetValue(instanceId, out var events) ? [.. events] : [];
        }
    }

    private void Apply(InstanceChange change)
    {
        var version = change.ExpectedVersion + 1;
        _instances[change.InstanceId] = (change.State, version);
        if (!_history.TryGetValue(change.InstanceId, out var events))
        {
            events = [];
            _history[change.InstanceId] = events;
        }

        events.AddRange(change.Events);
        foreach (var task in change.TasksSaved)
        {
            _tasks[task.Id] = task;
            if (!_tasksByInstance.TryGetValue(task.InstanceId, out var ids))
            {
                ids = [];
                _tasksByInstance[task.InstanceId] = ids;
            }

            ids.Add(task.Id);
        }

        foreach (var id in change.TasksRemoved)
        {
            if (_tasks.Remove(id, out var task) && _tasksByInstance.TryGetValue(task.InstanceId, out var ids))
            {
                ids.Remove(id);
                if (ids.Count == 0) _tasksByInstance.Remove(task.InstanceId);
            }
        }
        foreach (var job in change.JobsSaved) _jobs[job.Id] = job;
        foreach (var id in change.JobsRemoved) _jobs.Remove(id);
        foreach (var s in change.MessageSubscriptionsOpened)
        {
            _messageSubscriptions[s.Id] = s;
            var key = (s.MessageName, s.CorrelationKey);
            if (!_messageIndex.TryGetValue(key, out var ids))
            {
                ids = [];
                _messageIndex[key] = ids;
            }

            ids.Add(s.Id);
        }

        foreach (var id in change.MessageSubscriptionsClosed)
        {
            if (_messageSubscriptions.Remove(id, out var s) && _messageIndex.TryGetValue((s.MessageName, s.CorrelationKey), out var ids))
            {
                ids.Remove(id);
                if (ids.Count == 0) _messageIndex.Remove((s.MessageName, s.CorrelationKey));
            }
        }

        foreach (var s in change.SignalSubscriptionsOpened) _signalSubscriptions[s.Id] = s;
        foreach (var id in change.SignalSubscriptionsClosed) _signalSubscriptions.Remove(id);
    }

    private static bool Matches(UserTaskRecord task, TaskQuery query)
    {
        if (query.InstanceId is { } instance && task.InstanceId != instance) return false;
        if (query.Assignee is { } assignee && task.Assignee != assignee) return false;
        if (query.UnassignedOnly && task.Assignee is not null) return false;
        if (query.CandidateGroups.Count > 0 && !task.CandidateGroups.Any(query.CandidateGroups.Contains)) return false;
        if (query.CandidateUser is { } user && !task.CandidateUsers.Contains(user) && task.Assignee != user) return false;
        if (query.DueFrom is { } from && (task.DueDate is null || task.DueDate < from)) return false;
        if (query.DueBefore is { } before && (task.DueDate is null || task.DueDate >= before)) return false;
        return true;
    }
}

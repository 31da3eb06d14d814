using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Runtime.Messages;

namespace CityOps.Flow.Engine.Storage;

/// <summary>
/// The unit of work of one command. A store applies all of it in one transaction or none of it.
/// A command touches several instances when a call activity starts or finishes a child.
/// </summary>
public sealed record WorkflowCommit
{
    public IReadOnlyList<ProcessDefinitionRecord> ProcessDefinitionsAdded { get; init; } = [];
    public IReadOnlyList<DecisionDefinitionRecord> DecisionDefinitionsAdded { get; init; } = [];
    public IReadOnlyList<InstanceChange> Instances { get; init; } = [];
    /// <summary>Jobs that belong to no instance (timer start events), saved or removed.</summary>
    public IReadOnlyList<JobRecord> DefinitionJobsSaved { get; init; } = [];
    public IReadOnlyList<Guid> DefinitionJobsRemoved { get; init; } = [];
    public IReadOnlyList<BufferedMessage> MessagesBuffered { get; init; } = [];
    public IReadOnlyList<Guid> BufferedMessagesConsumed { get; init; } = [];

    public bool IsEmpty =>
        ProcessDefinitionsAdded.Count == 0 && DecisionDefinitionsAdded.Count == 0 && Instances.Count == 0
        && DefinitionJobsSaved.Count == 0 && DefinitionJobsRemoved.Count == 0
        && MessagesBuffered.Count == 0 && BufferedMessagesConsumed.Count == 0;
}

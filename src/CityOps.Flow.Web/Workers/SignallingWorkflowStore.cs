using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// The durable store as the engine sees it, telling <see cref="JobWakeUp"/> about every job a successful commit
/// saved: the engine's commit path is the one place that knows a timer was just created.
/// </summary>
public sealed class SignallingWorkflowStore(IWorkflowStore inner, JobWakeUp wakeUp) : DelegatingWorkflowStore(inner)
{
    public override CommitOutcome Commit(WorkflowCommit commit)
    {
        var outcome = Inner.Commit(commit);
        if (outcome == CommitOutcome.Committed)
        {
            var earliest = commit.DefinitionJobsSaved.Concat(commit.Instances.SelectMany(change => change.JobsSaved))
                .Select(job => (DateTimeOffset?)job.DueAt)
                .Min();
            if (earliest is { } dueAt)
            {
                wakeUp.JobDue(dueAt);
            }
        }

        return outcome;
    }
}

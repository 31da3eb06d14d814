using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Storage.Tests.Jobs;

/// <summary>
/// The real SQL store whose commits fail while <see cref="Down"/> is set (the database drops connections), or only the
/// commits that fire a timer while <see cref="TimersFail"/> is set (a fault in that one command).
/// </summary>
internal sealed class UnreliableStore(IWorkflowStore inner) : DelegatingWorkflowStore(inner)
{
    public bool Down { get; set; }

    public bool TimersFail { get; set; }

    public override CommitOutcome Commit(WorkflowCommit commit)
    {
        if (Down)
        {
            throw new TimeoutException("The database did not answer within 15 s.");
        }

        if (TimersFail && commit.Instances.Any(i => i.Events.OfType<JobFired>().Any()))
        {
            throw new InvalidOperationException("Deadlock detected while firing the timer.");
        }

        return Inner.Commit(commit);
    }
}

using CityOps.Flow.Engine.Runtime.Messages;

namespace CityOps.Flow.Engine.Storage;

/// <summary>Instance state, the subscriptions that route messages and signals to it, and the commit of a command.</summary>
public interface IInstanceStore
{
    /// <summary>A private copy of the instance's state with its version, or null when unknown.</summary>
    StoredInstance? LoadInstance(Guid instanceId);

    IReadOnlyList<MessageSubscriptionRecord> FindMessageSubscriptions(string messageName, string correlationKey);

    IReadOnlyList<SignalSubscriptionRecord> FindSignalSubscriptions(string signalName);

    /// <summary>Buffered messages with this name and key that have not expired at <paramref name="now"/>, oldest first.</summary>
    IReadOnlyList<BufferedMessage> FindBufferedMessages(string messageName, string correlationKey, DateTimeOffset now);

    /// <summary>Applies the whole unit of work atomically, or nothing when an instance version does not match.</summary>
    CommitOutcome Commit(WorkflowCommit commit);
}

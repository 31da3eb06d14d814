namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The instance began at its process's start; the root token is token 1.</summary>
public sealed record InstanceStarted(EventHeader Header, string ProcessId, int ProcessVersion, Guid? ParentInstanceId, long? ParentTokenId, string? BusinessKey) : HistoryEvent(Header)
{
    public override string Kind => "instance-started";
}

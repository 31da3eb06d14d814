namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A multi-instance body took its input collection (empty for a loop over a count).</summary>
public sealed record LoopStarted(EventHeader Header, long BodyTokenId, IReadOnlyList<object?> Items) : HistoryEvent(Header)
{
    public override string Kind => "loop-started";
}

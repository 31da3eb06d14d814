namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>The root scope finished (last token consumed, or a terminate end event at the top).</summary>
public sealed record InstanceCompleted(EventHeader Header) : HistoryEvent(Header)
{
    public override string Kind => "instance-completed";
}

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>An escalation was thrown; <c>CaughtBy</c> names the catching event, or null when nothing caught it.</summary>
public sealed record EscalationRaised(EventHeader Header, string? Code, string? CaughtBy) : HistoryEvent(Header)
{
    public override string Kind => "escalation-raised";
}

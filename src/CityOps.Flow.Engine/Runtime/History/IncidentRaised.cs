using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A token stopped on a problem an operator must resolve.</summary>
public sealed record IncidentRaised(EventHeader Header, IncidentRecord Incident) : HistoryEvent(Header)
{
    public override string Kind => "incident-raised";
}

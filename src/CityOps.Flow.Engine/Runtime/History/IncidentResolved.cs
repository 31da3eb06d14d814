namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>An operator resolved an incident.</summary>
public sealed record IncidentResolved(EventHeader Header, Guid IncidentId) : HistoryEvent(Header)
{
    public override string Kind => "incident-resolved";
}

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A timer fired.</summary>
public sealed record JobFired(EventHeader Header, Guid JobId) : HistoryEvent(Header)
{
    public override string Kind => "job-fired";
}

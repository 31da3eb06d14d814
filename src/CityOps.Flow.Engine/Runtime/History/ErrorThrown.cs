namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A BPMN error was thrown; <c>CaughtBy</c> names the catching event, or null when it became an incident.</summary>
public sealed record ErrorThrown(EventHeader Header, string Code, string? Message, string? CaughtBy) : HistoryEvent(Header)
{
    public override string Kind => "error-thrown";
}

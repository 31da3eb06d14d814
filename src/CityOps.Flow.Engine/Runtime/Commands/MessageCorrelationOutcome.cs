namespace CityOps.Flow.Engine.Runtime.Commands;

public enum MessageCorrelationOutcome
{
    /// <summary>Waiting elements (or message start events) took the message.</summary>
    Correlated,
    /// <summary>Nothing waited; the message is kept until its time to live runs out.</summary>
    Buffered,
    /// <summary>Nothing waited and the time to live was zero: the message is dropped.</summary>
    Dropped,
}

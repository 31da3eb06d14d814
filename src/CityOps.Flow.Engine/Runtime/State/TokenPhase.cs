namespace CityOps.Flow.Engine.Runtime.State;

/// <summary>Where a token is in the life of its element.</summary>
public enum TokenPhase
{
    /// <summary>Arrived but not entered; a token at a joining gateway waits in this phase for its partners.</summary>
    Arrived,
    /// <summary>Entered: running, or waiting for a task, message, timer, signal or child instance.</summary>
    Active,
    /// <summary>Left its element (completed or cancelled) and about to be consumed.</summary>
    Left,
}

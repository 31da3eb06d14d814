namespace CityOps.Flow.Cases.Intake;

/// <summary>What only one channel knows (the camera's algorithm, the sensor's reading, the hotline call id).</summary>
public abstract record ChannelDetails
{
    /// <summary>The channel these details belong to; a report's details must match its channel.</summary>
    public abstract Channel Channel { get; }
}

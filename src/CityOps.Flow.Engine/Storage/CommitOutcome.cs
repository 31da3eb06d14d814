namespace CityOps.Flow.Engine.Storage;

/// <summary>What a store answers to a commit: applied, or refused because an instance changed meanwhile.</summary>
public enum CommitOutcome
{
    Committed,
    /// <summary>Another command advanced one of the instances first; nothing was written and the command re-runs.</summary>
    Conflict,
}

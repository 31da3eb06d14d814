using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Storage;

/// <summary>
/// An instance as loaded for a command: a private copy of its state and the version the command must
/// find unchanged when it commits.
/// </summary>
public sealed record StoredInstance(ProcessInstanceState State, long Version);

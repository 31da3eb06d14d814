namespace CityOps.Flow.Engine.Runtime.State;

/// <summary>Why a token is stuck.</summary>
public enum IncidentKind
{
    UnhandledError,
    ExpressionFailed,
    NoOutgoingFlow,
    DecisionFailed,
    ServiceTaskFailed,
    CalledProcessMissing,
    /// <summary>A timer job failed on every attempt the job executor made; resolving fires it once more.</summary>
    JobFailed,
}

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
}

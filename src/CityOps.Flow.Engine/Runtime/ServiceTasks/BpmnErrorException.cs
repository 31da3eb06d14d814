namespace CityOps.Flow.Engine.Runtime.ServiceTasks;

/// <summary>Thrown by a handler to raise a BPMN error with a code the model can catch.</summary>
public sealed class BpmnErrorException(string errorCode, string? message = null)
    : Exception(message ?? $"BPMN error '{errorCode}'")
{
    public string ErrorCode { get; } = errorCode;
}

namespace CityOps.Flow.Engine.Bpmn.Reading;

public enum BpmnProblemSeverity
{
    /// <summary>The file (or the process named) cannot be deployed for execution.</summary>
    Error,

    /// <summary>Deployable, but probably not what the author meant.</summary>
    Warning,
}

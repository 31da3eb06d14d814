namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>One zeebe:input or zeebe:output: <see cref="Source"/> (expression or literal) assigned to <see cref="Target"/>.</summary>
public sealed record IoParameter(BpmnValue Source, string Target);

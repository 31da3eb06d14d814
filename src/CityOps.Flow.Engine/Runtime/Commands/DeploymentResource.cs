namespace CityOps.Flow.Engine.Runtime.Commands;

/// <summary>One file of a deployment: a .bpmn or .dmn by name, with its XML.</summary>
public sealed record DeploymentResource(string Name, string Content);

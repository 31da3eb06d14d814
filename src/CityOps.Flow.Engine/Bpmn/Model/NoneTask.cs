namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A <c>bpmn:task</c> with no type; like a manual task, the engine passes straight through it.</summary>
public sealed record NoneTask : Activity;

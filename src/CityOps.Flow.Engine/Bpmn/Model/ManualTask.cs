namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>Work done outside the system; the engine passes straight through it.</summary>
public sealed record ManualTask : Activity;

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:formDefinition: a form by key or by id.</summary>
public sealed record FormReference(string? FormKey, string? FormId);

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>bpmn:error; thrown and caught errors are matched by <see cref="ErrorCode"/>.</summary>
public sealed record ErrorDeclaration(string Id, string? Name, BpmnValue? ErrorCode);

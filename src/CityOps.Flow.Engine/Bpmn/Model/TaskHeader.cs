namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>One zeebe:header.</summary>
public sealed record TaskHeader(string Key, string Value);

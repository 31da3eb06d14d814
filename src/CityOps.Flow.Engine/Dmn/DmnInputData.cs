namespace CityOps.Flow.Engine.Dmn;

/// <summary>A value supplied by the caller under its name, e.g. a case's category code.</summary>
public sealed record DmnInputData(string Id, string Name, string? TypeRef);

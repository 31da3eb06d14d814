namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>One change from an original bpmn-real file to its copy: <see cref="Original"/> text became <see cref="Rewritten"/>.</summary>
internal sealed record RealProcessRewrite(string File, string ElementId, string What, string Original, string Rewritten);

namespace CityOps.Flow.Engine.Runtime.ServiceTasks;

/// <summary>A handler's answer: output variables, or a BPMN error code that boundary and event sub-process catchers match.</summary>
public sealed record ServiceTaskResult
{
    public IReadOnlyDictionary<string, object?> Variables { get; private init; } = Empty;
    public string? ErrorCode { get; private init; }
    public string? ErrorMessage { get; private init; }

    public static ServiceTaskResult Completed(IReadOnlyDictionary<string, object?>? variables = null) =>
        new() { Variables = variables ?? Empty };

    public static ServiceTaskResult Error(string code, string? message = null) =>
        new() { ErrorCode = code, ErrorMessage = message };

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}

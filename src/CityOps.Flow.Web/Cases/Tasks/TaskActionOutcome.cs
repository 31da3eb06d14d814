using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>What a task action did: the case as it stands afterwards, or why nothing was done.</summary>
public sealed record TaskActionOutcome
{
    /// <summary>The case afterwards (on success), or as found (on a refusal after the case was found).</summary>
    public CaseRecord? Case { get; init; }

    public UserTaskRecord? Task { get; init; }

    public TaskRefusalKind? Refusal { get; init; }

    /// <summary>A short title of the refusal.</summary>
    public string? Title { get; init; }

    /// <summary>Why, in a sentence naming the case and task.</summary>
    public string? Detail { get; init; }

    /// <summary>Field problems of an <see cref="TaskRefusalKind.Invalid"/> request, keyed by the request's field name.</summary>
    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public bool Succeeded => Refusal is null;

    public static TaskActionOutcome Refused(TaskRefusalKind kind, string title, string detail, CaseRecord? found = null, UserTaskRecord? task = null) =>
        new() { Refusal = kind, Title = title, Detail = detail, Case = found, Task = task };
}

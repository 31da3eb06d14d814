namespace CityOps.Flow.Engine.Runtime.State;

/// <summary>
/// One node of the execution tree: an element instance. Tokens inside a sub-process, a multi-instance body or an
/// event sub-process have that scope's token as parent; token 1 is the instance itself.
/// </summary>
public sealed class Token
{
    public required long Id { get; init; }
    /// <summary>The scope token; null only for the instance's root token.</summary>
    public required long? ParentId { get; init; }
    public required string ElementId { get; init; }
    /// <summary>The sequence flow the token came through, if any (joins count these).</summary>
    public string? ArrivedVia { get; init; }
    public TokenPhase Phase { get; internal set; }
    /// <summary>The child instance a call activity waits for.</summary>
    public Guid? CalledInstanceId { get; internal set; }
    /// <summary>For a multi-instance body: the input collection taken when it started.</summary>
    public IReadOnlyList<object?>? LoopItems { get; internal set; }

    internal Token Clone() => new()
    {
        Id = Id,
        ParentId = ParentId,
        ElementId = ElementId,
        ArrivedVia = ArrivedVia,
        Phase = Phase,
        CalledInstanceId = CalledInstanceId,
        LoopItems = LoopItems,
    };
}

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// multiInstanceLoopCharacteristics with zeebe:loopCharacteristics: one inner instance per item of
/// <see cref="InputCollection"/> (or <see cref="LoopCardinality"/> times), in parallel or one after another.
/// </summary>
public sealed record MultiInstanceLoop
{
    public required bool IsSequential { get; init; }

    public BpmnExpression? InputCollection { get; init; }

    /// <summary>The local variable holding the current item in each inner instance.</summary>
    public string? InputElement { get; init; }

    /// <summary>The variable that receives the list of collected output elements.</summary>
    public string? OutputCollection { get; init; }

    public BpmnExpression? OutputElement { get; init; }

    /// <summary>Checked after each inner instance completes; when true the remaining ones are cancelled.</summary>
    public BpmnExpression? CompletionCondition { get; init; }

    /// <summary>BPMN loopCardinality, used when there is no input collection.</summary>
    public BpmnExpression? LoopCardinality { get; init; }
}

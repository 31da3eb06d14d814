namespace CityOps.Flow.Engine.Feel;

/// <summary>A type named after <c>instance of</c>: <c>number</c>, <c>list&lt;string&gt;</c>, <c>context&lt;a: number&gt;</c>...</summary>
internal abstract record FeelType
{
    public abstract bool Matches(object? value);

    public static FeelType? Named(string name) => name switch
    {
        "Any" => new SimpleType(v => v is not null),
        "Null" => new SimpleType(v => v is null),
        "number" => new SimpleType(v => v is decimal),
        "string" => new SimpleType(v => v is string),
        "boolean" => new SimpleType(v => v is bool),
        "date" => new SimpleType(v => v is DateOnly),
        "time" => new SimpleType(v => v is FeelTime),
        "date and time" => new SimpleType(v => v is FeelDateTime),
        "days and time duration" or "dayTimeDuration" => new SimpleType(v => v is TimeSpan),
        "years and months duration" or "yearMonthDuration" => new SimpleType(v => v is FeelYearsMonthsDuration),
        "list" => new SimpleType(v => v is IReadOnlyList<object?>),
        "context" => new SimpleType(v => v is FeelContext),
        "range" => new SimpleType(v => v is FeelRange),
        "function" => new SimpleType(v => v is FeelFunction),
        _ => null,
    };
}

internal sealed record SimpleType(Func<object?, bool> Test) : FeelType
{
    public override bool Matches(object? value) => Test(value);
}

internal sealed record ListType(FeelType Item) : FeelType
{
    public override bool Matches(object? value) => value is IReadOnlyList<object?> list && list.All(i => i is null || Item.Matches(i));
}

internal sealed record RangeType(FeelType Bound) : FeelType
{
    public override bool Matches(object? value) =>
        value is FeelRange r && (r.Start is null || Bound.Matches(r.Start)) && (r.End is null || Bound.Matches(r.End));
}

internal sealed record ContextType(IReadOnlyList<KeyValuePair<string, FeelType>> Entries) : FeelType
{
    public override bool Matches(object? value) =>
        value is FeelContext c && Entries.All(e => c.TryGetValue(e.Key, out var v) && (v is null || e.Value.Matches(v)));
}

internal sealed record FunctionType(IReadOnlyList<FeelType> Parameters, FeelType Result) : FeelType
{
    public override bool Matches(object? value) => value is FeelFunction f && f.Signatures.Any(s => s.Names.Length == Parameters.Count);
}

internal sealed class InstanceOfNode(Node value, FeelType type) : Node
{
    public override object? Eval(Evaluation ev) => FeelValues.Bool(type.Matches(value.Eval(ev)));
}

namespace CityOps.Flow.Engine.Runtime.History;

/// <summary>A variable was written in a scope (token 1 is the instance scope).</summary>
public sealed record VariableSet(EventHeader Header, long ScopeTokenId, string Name, object? Value) : HistoryEvent(Header)
{
    public override string Kind => "variable-set";
}

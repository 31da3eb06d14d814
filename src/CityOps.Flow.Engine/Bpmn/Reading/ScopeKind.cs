namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Which kind of scope a node sits in; start events are allowed different triggers in each.</summary>
internal enum ScopeKind
{
    Process,
    SubProcess,
    EventSubProcess,
}

namespace CityOps.Flow.Engine.Dmn;

public enum DmnHitPolicy
{
    Unique,
    Any,
    Priority,
    First,
    RuleOrder,
    OutputOrder,
    Collect,
}

namespace CityOps.Flow.Engine.Dmn;

/// <summary>The operator of a COLLECT table: C+, C&lt;, C&gt; or C#.</summary>
public enum DmnAggregation
{
    None,
    Sum,
    Min,
    Max,
    Count,
}

namespace CityOps.Flow.Cases.Catalog;

/// <summary>部件 (a physical asset is broken or missing) or 事件 (a situation on the street).</summary>
public enum CategoryKind
{
    Component,
    Event,
}

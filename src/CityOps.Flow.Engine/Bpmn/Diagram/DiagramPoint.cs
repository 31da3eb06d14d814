namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>A waypoint of an edge.</summary>
public readonly record struct DiagramPoint(double X, double Y);

namespace CityOps.Flow.Engine.Bpmn.Diagram;

/// <summary>dc:Bounds of a shape or label.</summary>
public readonly record struct DiagramBounds(double X, double Y, double Width, double Height);

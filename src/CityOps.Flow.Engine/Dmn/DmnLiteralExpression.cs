namespace CityOps.Flow.Engine.Dmn;

public sealed record DmnLiteralExpression(string? Id, DmnFeelExpression Expression, string? TypeRef) : DmnDecisionLogic(Id);

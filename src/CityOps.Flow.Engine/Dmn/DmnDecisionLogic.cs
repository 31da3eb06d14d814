namespace CityOps.Flow.Engine.Dmn;

/// <summary>How a decision computes its value: a decision table or a literal FEEL expression.</summary>
public abstract record DmnDecisionLogic(string? Id);

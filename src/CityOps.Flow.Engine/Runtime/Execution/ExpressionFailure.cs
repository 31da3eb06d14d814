namespace CityOps.Flow.Engine.Runtime.Execution;

/// <summary>Unwinds the evaluation of a group of attributes when one fails; always caught and turned into an incident.</summary>
internal sealed class ExpressionFailure(string message) : Exception(message);

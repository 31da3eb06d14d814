namespace CityOps.Flow.Engine.Feel;

/// <summary>Unwinds an evaluation that ran past one of its <see cref="FeelLimits"/>.</summary>
internal sealed class FeelLimitExceededException(string message) : Exception(message);

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>One row of the transition table: in status <see cref="From"/>, <see cref="Command"/> leads to <see cref="To"/>.</summary>
public sealed record CaseTransition(CaseStatus From, CaseCommand Command, CaseStatus To);

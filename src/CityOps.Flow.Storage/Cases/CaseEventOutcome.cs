using CityOps.Flow.Cases.Lifecycle;

namespace CityOps.Flow.Storage;

/// <summary>
/// What <see cref="CaseRepository.AppendEventAsync"/> did: the event was stored and the case now stands at
/// <see cref="Projection"/>, or it was refused (<see cref="Refusal"/> says why, e.g. the transition is not allowed,
/// the case is unknown or out of scope) and nothing changed.
/// </summary>
public sealed record CaseEventOutcome(CaseProjection? Projection, string? Refusal)
{
    public bool Accepted => Refusal is null;
}

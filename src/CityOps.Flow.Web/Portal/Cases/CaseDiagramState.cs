namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// Where a case's workflow instance stands on its diagram: the elements holding a token now (highlighted) and those
/// it has completed (shaded). The diagram itself is the instance's process version.
/// </summary>
public sealed record CaseDiagramState(string ProcessId, int Version, IReadOnlyList<string> ActiveElementIds, IReadOnlyList<string> CompletedElementIds);

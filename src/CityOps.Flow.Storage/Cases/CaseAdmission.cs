using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;

namespace CityOps.Flow.Storage;

/// <summary>
/// A validated, placed report on its way into a case: <see cref="CaseRepository.AdmitAsync"/> joins it to the nearest
/// open case its <see cref="Rule"/> allows, or opens a case as <see cref="Opening"/> describes.
/// </summary>
public sealed record CaseAdmission
{
    public required IntakeReport Report { get; init; }

    /// <summary>The case to open when no open case matches (its id, place, severity and opening time).</summary>
    public required CaseOpening Opening { get; init; }

    /// <summary>How near in space and time an open case of the category must be; null opens a case without looking.</summary>
    public ClusteringRule? Rule { get; init; }

    /// <summary>Who files the report (the signed-in operator, the machine client), recorded on a joined report's event.</summary>
    public string? Actor { get; init; }
}

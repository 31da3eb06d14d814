using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Storage;

/// <summary>One report a case stands for (the first opened it, later ones joined it); the reporter appears only masked.</summary>
public sealed record CaseReportRecord
{
    public required long Id { get; init; }

    public required Channel Channel { get; init; }

    /// <summary>The channel's own id of the report (hotline call number, sensor alarm id, Open311 request id ...).</summary>
    public required string SourceId { get; init; }

    public string? Description { get; init; }

    public string? Address { get; init; }

    /// <summary>The reporter as anyone may see them, e.g. <c>张** 138****5678</c>.</summary>
    public string? ReporterMasked { get; init; }

    /// <summary>Photo references the channel sent (URLs or stored file names).</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];

    /// <summary>When it happened, as the reporter said; null when not given.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}

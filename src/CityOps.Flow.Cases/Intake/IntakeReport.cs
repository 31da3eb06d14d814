using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Catalog;

namespace CityOps.Flow.Cases.Intake;

/// <summary>One report from any channel, in the single shape intake validates, deduplicates and turns into a case.</summary>
public sealed record IntakeReport
{
    public required Channel Channel { get; init; }

    /// <summary>The sender's own id for this report; (channel, source id) is the idempotency key.</summary>
    public required string SourceId { get; init; }

    /// <summary>A catalogue subclass code such as <c>0101</c> or <c>E0503</c>.</summary>
    public required string CategoryCode { get; init; }

    public string? Description { get; init; }

    public required ReportLocation Location { get; init; }

    public Reporter? Reporter { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Photo URLs as sent; validation requires absolute http(s) URLs.</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];

    /// <summary>The reporter's or operator's judgement; the category's default when null.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The 12345 request kind code (<c>complaint</c>, <c>enquiry</c> ...); required on hotline reports.</summary>
    public string? RequestKind { get; init; }

    public ChannelDetails? Details { get; init; }

    /// <summary>A retry of the same report carries the same key and must create nothing new.</summary>
    [JsonIgnore]
    public string IdempotencyKey => $"{Channel}:{SourceId}";
}

using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Storage;

/// <summary>A supervision notice (督办) issued on an overdue or escalated case.</summary>
public sealed record SupervisionNotice
{
    public required string CaseId { get; init; }

    public required WarningTier Tier { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Who issues the notices the lifecycle's escalation raises.</summary>
    public const string BySystem = "system";

    /// <summary>The user (or <see cref="BySystem"/> for the escalation timer) who issued it.</summary>
    public required string IssuedBy { get; init; }

    /// <summary>The department told to act.</summary>
    public string? DepartmentId { get; init; }

    public required string Message { get; init; }

    /// <summary>Who an automatic notice told, by the escalation table's codes (<see cref="EscalationRecipients"/>); empty for a person's notice.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

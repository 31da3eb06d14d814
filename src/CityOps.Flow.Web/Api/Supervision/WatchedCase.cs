using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>A case on the supervision board: near due or overdue in working time, with the names a person reads.</summary>
public sealed record WatchedCase
{
    public required string CaseId { get; init; }

    public required string Number { get; init; }

    public required string CategoryCode { get; init; }

    public required string Status { get; init; }

    public string? Description { get; init; }

    public string? Address { get; init; }

    public string? StreetId { get; init; }

    public string? StreetName { get; init; }

    public string? DepartmentId { get; init; }

    public string? DepartmentName { get; init; }

    public required bool IsKeyCase { get; init; }

    public required DateTimeOffset LimitStart { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<DueState>))]
    public required DueState DueState { get; init; }

    /// <summary>Working minutes left before the due time; negative once it has passed (minutes over).</summary>
    public required long WorkingMinutesLeft { get; init; }

    /// <summary>The warning tier the lifecycle has told so far (its <c>warningTier</c>: yellow, orange, red, overdue), none before the first warning.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<WarningTier>))]
    public required WarningTier WarningTier { get; init; }

    /// <summary>The highest tier of the notices on the case so far (none when no notice went out).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<WarningTier>))]
    public required WarningTier HighestNoticeTier { get; init; }

    public required int NoticeCount { get; init; }
}

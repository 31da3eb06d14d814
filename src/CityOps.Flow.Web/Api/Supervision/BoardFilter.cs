using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>The drill-down of the supervision board: one lead department, one street, and/or one due state.</summary>
public sealed record BoardFilter(string? DepartmentId = null, string? StreetId = null, [property: JsonConverter(typeof(JsonStringEnumConverter<DueState>))] DueState? State = null)
{
    public static BoardFilter None { get; } = new();

    /// <summary>Reads <c>nearDue</c> or <c>overdue</c> (any case); null when the text is neither.</summary>
    public static DueState? ParseState(string? text) => text?.ToLowerInvariant() switch
    {
        "neardue" or "near-due" => DueState.NearDue,
        "overdue" => DueState.Overdue,
        _ => null,
    };

    public static string? Format(DueState? state) => state switch
    {
        DueState.NearDue => "nearDue",
        DueState.Overdue => "overdue",
        _ => null,
    };
}

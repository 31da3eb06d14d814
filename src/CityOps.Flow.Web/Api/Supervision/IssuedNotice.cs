using System.Text.Json.Serialization;
using CityOps.Flow.Cases.Supervision;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>The answer to issuing a supervision notice: the notice as stored and where the case stands.</summary>
public sealed record IssuedNotice(NoticeView Notice, string CaseStatus, [property: JsonConverter(typeof(JsonStringEnumConverter<DueState>))] DueState DueState);

using System.Text.Json;

namespace CityOps.Flow.Web.Api.Workflows;

public sealed record CorrelateMessageRequest(string Name, string CorrelationKey, JsonElement? Variables = null, TimeSpan? TimeToLive = null);

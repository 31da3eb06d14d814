using System.Text.Json;

namespace CityOps.Flow.Web.Api.Workflows;

public sealed record BroadcastSignalRequest(string Name, JsonElement? Variables = null);

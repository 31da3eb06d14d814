using System.Text.Json;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>POST /api/workflows/instances: which process to start, with its first variables.</summary>
public sealed record StartInstanceRequest(string ProcessId, int? Version = null, string? BusinessKey = null, JsonElement? Variables = null);

using System.Text.Json;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>Variables entered with a command (a task's form, a message's payload, a signal's payload).</summary>
public sealed record VariablesRequest(JsonElement? Variables = null);

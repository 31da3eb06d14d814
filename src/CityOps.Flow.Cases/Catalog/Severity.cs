using System.Text.Json.Serialization;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>How serious a report is; the routing table and the escalation table read it.</summary>
[JsonConverter(typeof(SeverityJsonConverter))]
public enum Severity
{
    Minor,
    Normal,
    Major,
    Critical,
}

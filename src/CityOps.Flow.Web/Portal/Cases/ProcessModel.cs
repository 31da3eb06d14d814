namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>One deployed process version: its BPMN XML and the names its elements carry.</summary>
public sealed record ProcessModel(string ProcessId, int Version, string Xml, IReadOnlyDictionary<string, string> ElementNames)
{
    public string? NameOf(string? elementId) => elementId is null ? null : ElementNames.GetValueOrDefault(elementId);
}

using CityOps.Flow.Engine.Bpmn.Diagram;

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>A read BPMN file: its processes, collaborations, diagrams and the original XML (for the viewer).</summary>
public sealed record BpmnDefinitions
{
    private const string EmbeddedFormKeyPrefix = "camunda-forms:bpmn:";

    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? TargetNamespace { get; init; }

    public required IReadOnlyList<BpmnProcess> Processes { get; init; }

    public IReadOnlyList<Collaboration> Collaborations { get; init; } = [];

    public IReadOnlyList<MessageDeclaration> Messages { get; init; } = [];

    public IReadOnlyList<SignalDeclaration> Signals { get; init; } = [];

    public IReadOnlyList<ErrorDeclaration> Errors { get; init; } = [];

    public IReadOnlyList<EscalationDeclaration> Escalations { get; init; } = [];

    public IReadOnlyList<BpmnDiagram> Diagrams { get; init; } = [];

    /// <summary>Forms embedded in the file (zeebe:userTaskForm), JSON by id; a user task refers to one as <c>camunda-forms:bpmn:&lt;id&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> EmbeddedForms { get; init; } = new Dictionary<string, string>();

    /// <summary>The XML exactly as read, so an imported file's diagram survives and bpmn-js can show it.</summary>
    public required string SourceXml { get; init; }

    public IEnumerable<BpmnProcess> ExecutableProcesses => Processes.Where(p => p.IsExecutable);

    public BpmnProcess? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);

    /// <summary>The embedded form JSON a user task's form key names, if the file carries it.</summary>
    public string? EmbeddedFormFor(FormReference? form) =>
        form?.FormKey is { } key && key.StartsWith(EmbeddedFormKeyPrefix, StringComparison.Ordinal)
            ? EmbeddedForms.GetValueOrDefault(key[EmbeddedFormKeyPrefix.Length..])
            : null;
}

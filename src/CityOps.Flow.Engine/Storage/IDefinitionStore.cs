namespace CityOps.Flow.Engine.Storage;

/// <summary>Deployed process and decision versions.</summary>
public interface IDefinitionStore
{
    /// <summary>The given version of a process, or its latest version when <paramref name="version"/> is null.</summary>
    ProcessDefinitionRecord? FindProcess(string processId, int? version = null);

    /// <summary>The latest version of every deployed process.</summary>
    IReadOnlyList<ProcessDefinitionRecord> LatestProcesses();

    /// <summary>The latest DMN resource version that defines <paramref name="decisionId"/>.</summary>
    DecisionDefinitionRecord? FindDecisionResource(string decisionId);

    /// <summary>The given version of a DMN resource, or its latest when <paramref name="version"/> is null.</summary>
    DecisionDefinitionRecord? FindDecisionDefinitions(string definitionsId, int? version = null);
}

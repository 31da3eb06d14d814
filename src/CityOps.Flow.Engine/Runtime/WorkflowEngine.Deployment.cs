using System.Security.Cryptography;
using System.Text;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.Jobs;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Engine.Runtime;

// Deployment: versions by content, deploy-time checks, timer start jobs.
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Deploys BPMN (and DMN) resources. A process whose resource is unchanged keeps its version; a changed one
    /// becomes version N+1, and running instances stay on the version they started with. Anything the engine could
    /// not run (unsupported element, unknown service-task type, unknown decision) refuses the whole deployment.
    /// </summary>
    public DeploymentResult Deploy(IReadOnlyList<DeploymentResource> resources, string actor = SystemActor)
    {
        var problems = new List<string>();
        var versions = new List<DeployedVersion>();
        var added = new List<(ProcessDefinitionRecord Record, BpmnProcess Process)>();
        var deploymentId = Guid.NewGuid();
        var now = _clock.GetUtcNow();
        var options = new BpmnReadOptions { KnownJobTypes = Handlers.Types.ToHashSet(StringComparer.Ordinal) };
        var decisionsAdded = new List<DecisionDefinitionRecord>();
        var deployedDecisionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources.Where(IsDmn))
        {
            var read = Decisions.Read(resource.Content);
            problems.AddRange(read.Problems.Select(p => $"{resource.Name}: {p}"));
            if (read.Definitions is not { } dmn) continue;
            var definitionsId = dmn.Id ?? Path.GetFileNameWithoutExtension(resource.Name);
            deployedDecisionIds.UnionWith(dmn.Decisions.Select(d => d.Id));
            var hash = Hash(resource.Content);
            var latest = Store.FindDecisionDefinitions(definitionsId);
            if (latest?.ContentHash == hash)
            {
                versions.Add(new DeployedVersion(definitionsId, latest.Version, false, true));
                continue;
            }

            var record = new DecisionDefinitionRecord
            {
                DefinitionsId = definitionsId,
                Version = (latest?.Version ?? 0) + 1,
                DeploymentId = deploymentId,
                ResourceName = resource.Name,
                ContentHash = hash,
                Xml = resource.Content,
                DeployedAt = now,
                DecisionIds = [.. dmn.Decisions.Select(d => d.Id)],
            };
            decisionsAdded.Add(record);
            versions.Add(new DeployedVersion(definitionsId, record.Version, true, true));
        }

        foreach (var resource in resources.Where(r => !IsDmn(r)))
        {
            var read = BpmnReader.Read(resource.Content, options);
            problems.AddRange(read.Errors.Select(p => $"{resource.Name}: {p}"));
            if (!read.IsDeployable) continue;
            var hash = Hash(resource.Content);
            foreach (var process in read.Definitions!.ExecutableProcesses)
            {
                problems.AddRange(UnknownDecisions(process, deployedDecisionIds).Select(id =>
                    $"{resource.Name}: business-rule task '{id.TaskId}' calls decision '{id.DecisionId}', which is not deployed."));
                if (added.Any(a => a.Record.ProcessId == process.Id) || versions.Any(v => v.Id == process.Id))
                {
                    problems.Add($"{resource.Name}: process '{process.Id}' is defined twice in this deployment.");
                    continue;
                }

                var latest = Store.FindProcess(process.Id);
                if (latest?.ContentHash == hash)
                {
                    versions.Add(new DeployedVersion(process.Id, latest.Version, false, false));
                    continue;
                }

                var record = new ProcessDefinitionRecord
                {
                    ProcessId = process.Id,
                    Version = (latest?.Version ?? 0) + 1,
                    DeploymentId = deploymentId,
                    ResourceName = resource.Name,
                    ContentHash = hash,
                    Xml = resource.Content,
                    DeployedAt = now,
                    MessageStartNames = [.. TopStartEvents(process).Select(e => e.Definition).OfType<MessageEventDefinition>()
                        .Where(m => m.Message is not null).Select(m => MessageName(m.Message!))],
                    SignalStartNames = [.. TopStartEvents(process).Select(e => e.Definition).OfType<SignalEventDefinition>()
                        .Select(Execution.CommandContext.SignalName)],
                };
                added.Add((record, process));
                versions.Add(new DeployedVersion(process.Id, record.Version, true, false));
            }
        }

        if (problems.Count > 0) return new DeploymentResult([], problems);
        if (added.Count == 0 && decisionsAdded.Count == 0) return new DeploymentResult(versions, []);
        Execute(actor, context =>
        {
            context.DecisionDefinitionsAdded.AddRange(decisionsAdded);
            foreach (var (record, process) in added)
            {
                context.ProcessDefinitionsAdded.Add(record);
                context.DefinitionJobsRemoved.AddRange(Store.FindStartTimerJobs(record.ProcessId).Select(j => j.Id));
                context.DefinitionJobsSaved.AddRange(StartTimerJobs(record, process, context.Now));
            }

            return CommandResult<Guid>.Ok(deploymentId);
        });
        return new DeploymentResult(versions, []);
    }

    private static IEnumerable<StartEvent> TopStartEvents(BpmnProcess process) => process.StartEventsOf(process.Id);

    private static IEnumerable<JobRecord> StartTimerJobs(ProcessDefinitionRecord record, BpmnProcess process, DateTimeOffset now)
    {
        foreach (var start in TopStartEvents(process))
        {
            if (start.Definition is not TimerEventDefinition { Schedule: { } schedule } timer) continue;
            if (schedule.FirstDue(now) is not { } due) continue;
            yield return new JobRecord
            {
                Id = Guid.NewGuid(),
                Kind = JobKind.TimerStart,
                DueAt = due.At,
                ElementId = start.Id,
                ProcessId = record.ProcessId,
                ProcessVersion = record.Version,
                TimerKind = timer.Kind,
                TimerText = timer.Value.Text,
                RemainingRepetitions = due.RemainingRepetitions,
            };
        }
    }

    private static bool IsDmn(DeploymentResource resource) => resource.Name.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase);

    private static string Hash(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private IEnumerable<(string TaskId, string DecisionId)> UnknownDecisions(BpmnProcess process, HashSet<string> deployedNow)
    {
        foreach (var node in process.AllNodes)
        {
            if (node is BusinessRuleTask { Decision.DecisionId.Literal: { } decisionId }
                && !deployedNow.Contains(decisionId) && Store.FindDecisionResource(decisionId) is null)
            {
                yield return (node.Id, decisionId);
            }
        }
    }
}

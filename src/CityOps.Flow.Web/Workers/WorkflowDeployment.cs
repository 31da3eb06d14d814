using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// Deploys every *.bpmn and *.dmn file under the workflows folder when the host starts. Unchanged files keep their
/// versions, so a restart deploys nothing new; a file the engine refuses stops the start with its problems.
/// </summary>
public sealed class WorkflowDeployment(WorkflowEngine engine, WorkflowFolder folder, ILogger<WorkflowDeployment> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resources = folder.DefinitionFiles()
            .Select(path => new DeploymentResource(Path.GetRelativePath(folder.Path, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
        if (resources.Count == 0)
        {
            logger.LogInformation("No BPMN or DMN files under {Folder}; nothing deployed", folder.Path);
            return Task.CompletedTask;
        }

        var result = engine.Deploy(resources);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The workflows in {folder.Path} cannot be deployed:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        }

        var created = result.Versions.Where(v => v.IsNew).Select(v => $"{v.Id} v{v.Version}").ToList();
        logger.LogInformation("Deployed {Files} workflow files from {Folder}: {Created}", resources.Count, folder.Path,
            created.Count == 0 ? "all unchanged" : "new " + string.Join(", ", created));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace CityOps.Flow.Web.Workers;

/// <summary>The folder holding the deployable BPMN/DMN files and the working-time calendars.</summary>
public sealed record WorkflowFolder(string Path)
{
    /// <summary>
    /// The configured folder (relative to the content root), or else the nearest <c>workflows</c> folder at or above
    /// the content root or the application folder, so both <c>dotnet run</c> and a published copy find the repository's.
    /// </summary>
    public static WorkflowFolder Locate(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new WorkflowFolder(System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, configured)));
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate))
                {
                    return new WorkflowFolder(candidate);
                }
            }
        }

        throw new InvalidOperationException(
            $"No workflows folder at or above {contentRoot}; set Workflows:Directory to the folder holding the BPMN/DMN files and calendars.");
    }

    /// <summary>Every *.bpmn and *.dmn file below the folder, in a stable order.</summary>
    public IEnumerable<string> DefinitionFiles() =>
        Directory.EnumerateFiles(Path, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dmn", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}

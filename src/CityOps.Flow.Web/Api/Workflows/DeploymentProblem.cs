using System.Text.RegularExpressions;

namespace CityOps.Flow.Web.Api.Workflows;

/// <summary>One reason a deployment was refused: the file, and where known the element id and XML line/column.</summary>
public sealed partial record DeploymentProblem(string Resource, string? ElementId, int? Line, int? Column, string Message)
{
    /// <summary>Splits the engine's "file: Error at 12:5 (elementId): message" text into its parts.</summary>
    public static DeploymentProblem Parse(string resource, string text)
    {
        var withoutResource = text.StartsWith(resource + ": ", StringComparison.Ordinal) ? text[(resource.Length + 2)..] : text;
        var match = Located().Match(withoutResource);
        return match.Success
            ? new DeploymentProblem(
                resource,
                match.Groups["element"].Success ? match.Groups["element"].Value : null,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["message"].Value)
            : new DeploymentProblem(resource, null, null, null, withoutResource);
    }

    [GeneratedRegex(@"^\w+ at (?<line>\d+):(?<column>\d+)(?: \((?<element>[^)]+)\))?: (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Located();
}

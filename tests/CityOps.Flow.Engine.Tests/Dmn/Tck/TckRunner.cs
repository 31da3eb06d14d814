using System.Collections.Concurrent;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Tests.Dmn;

namespace CityOps.Flow.Engine.Tests.Dmn.Tck;

/// <summary>
/// Runs DMN TCK cases from their own XML. The folder of case folders is compliance-level-2 of the shared TCK copy,
/// or whatever DMN_TCK_DIR names.
/// </summary>
public static class TckRunner
{
    public const string FolderVariable = "DMN_TCK_DIR";

    private static readonly ConcurrentDictionary<string, DmnReadResult> Models = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<TckCase>> CasesByFolder = new();

    public static FeelEngine Feel { get; } = new(new AdjustableClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8))));

    public static string Root =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : DmnTestData.SharedData("dmn-tck", "compliance-level-2");

    public static IEnumerable<string> Folders() =>
        Directory.GetDirectories(Root).Where(d => Directory.GetFiles(d, "*.dmn").Length > 0).Order(StringComparer.Ordinal);

    public static IReadOnlyList<TckCase> Cases(string folder) =>
        CasesByFolder.GetOrAdd(folder, f => TckTestFileReader.ReadFolder(Path.Combine(Root, f), Feel));

    public static IEnumerable<TckCase> AllCases() => Folders().SelectMany(f => Cases(Path.GetFileName(f)));

    /// <summary>Runs one case; returns null when every result node matches, else what differed.</summary>
    public static string? Run(TckCase testCase)
    {
        var model = Models.GetOrAdd(testCase.ModelPath, path => new DmnReader(Feel).ReadFile(path));
        if (!model.Success)
        {
            return $"{Path.GetFileName(testCase.ModelPath)} was refused: {string.Join("; ", model.Problems)}";
        }

        var evaluator = new DmnEvaluator(Feel);
        var failures = new List<string>();
        foreach (var result in testCase.Results)
        {
            var actual = evaluator.Evaluate(model.Definitions!, result.DecisionName, testCase.Inputs);
            if (result.ExpectsError && actual.Errors.Count == 0 && actual.Warnings.Count == 0)
            {
                failures.Add($"'{result.DecisionName}': expected an error but it evaluated to {DmnValuesText.Show(actual.Value)} without complaint");
            }
            else if (!TckValueComparer.Matches(result.Expected, actual.Value))
            {
                failures.Add($"'{result.DecisionName}': expected {DmnValuesText.Show(result.Expected)} but got {DmnValuesText.Show(actual.Value)}"
                    + (actual.Errors.Count > 0 ? $" (errors: {string.Join("; ", actual.Errors)})" : ""));
            }
        }

        return failures.Count == 0 ? null : string.Join(Environment.NewLine, failures);
    }
}

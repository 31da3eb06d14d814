using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>Reads fixture files and asserts on the problems a reader reports.</summary>
internal static class BpmnFixtures
{
    public static BpmnReadResult Read(string family, string file, BpmnReadOptions? options = null) =>
        BpmnReader.Read(BpmnTestFiles.ReadFixture("Fixtures", family, file), options);

    /// <summary>Reads a fixture that must be free of errors and returns its only process.</summary>
    public static BpmnProcess ReadValid(string family, string file, BpmnReadOptions? options = null)
    {
        var result = Read(family, file, options);
        Assert.True(result.IsDeployable, string.Join(Environment.NewLine, result.Problems));
        var process = Assert.Single(result.Definitions!.Processes);
        Assert.True(process.IsExecutable);
        return process;
    }

    public static BpmnProblem AssertError(this BpmnReadResult result, string elementId, string messagePart) =>
        AssertProblem(result, BpmnProblemSeverity.Error, elementId, messagePart);

    public static BpmnProblem AssertWarning(this BpmnReadResult result, string elementId, string messagePart) =>
        AssertProblem(result, BpmnProblemSeverity.Warning, elementId, messagePart);

    public static void AssertNoProblemFor(this BpmnReadResult result, string elementId) =>
        Assert.DoesNotContain(result.Problems, p => p.ElementId == elementId);

    private static BpmnProblem AssertProblem(BpmnReadResult result, BpmnProblemSeverity severity, string elementId, string messagePart)
    {
        var match = result.Problems.FirstOrDefault(p =>
            p.Severity == severity && p.ElementId == elementId && p.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.True(match is not null,
            $"expected {severity} on '{elementId}' containing \"{messagePart}\"; got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        Assert.True(match.Line > 0, $"problem without a line: {match}");
        return match;
    }
}

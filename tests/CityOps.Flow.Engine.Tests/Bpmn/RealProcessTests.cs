using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;
using CityOps.Flow.Engine.Scheduling.Timers;
using Xunit.Abstractions;

namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>The real-world processes of ../shared/data/bpmn-real, rewritten to FEEL and zeebe (see Real/README.md).</summary>
public sealed class RealProcessTests(ITestOutputHelper output)
{
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    private static readonly string[] FileNames =
        [.. Directory.GetFiles(BpmnTestFiles.SharedData("bpmn-real"), "*.bpmn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Files => [.. FileNames];

    private static string Original(string file) => File.ReadAllText(BpmnTestFiles.SharedData("bpmn-real", file));

    private static string Copy(string file) => BpmnTestFiles.ReadFixture("Real", file);

    [Fact]
    public void Every_rewrite_in_the_table_is_what_changed_between_original_and_copy()
    {
        foreach (var rewrite in RealProcessRewrites.All)
        {
            output.WriteLine($"{rewrite.File} | {rewrite.ElementId} | {rewrite.What} | {Flat(rewrite.Original)} => {Flat(rewrite.Rewritten)}");
            Assert.Contains(rewrite.Original, Original(rewrite.File));
            Assert.Contains(rewrite.Rewritten, Copy(rewrite.File));
        }

        Assert.Equal(RealProcessRewrites.All.Select(r => r.File).Distinct().Order(StringComparer.Ordinal), FileNames);
    }

    [Fact]
    public void The_readme_table_lists_every_rewrite()
    {
        var readme = File.ReadAllText(Path.Combine(BpmnTestFiles.SolutionRoot, "tests", "CityOps.Flow.Engine.Tests", "Bpmn", "Real", "README.md")).Split('\n').Where(l => l.StartsWith("| bpmn", StringComparison.Ordinal) || l.StartsWith("| camunda", StringComparison.Ordinal)).ToList();

        Assert.Equal(RealProcessRewrites.All.Count, readme.Count);
        Assert.All(RealProcessRewrites.All.Zip(readme), pair => Assert.StartsWith($"| {pair.First.File} | {pair.First.ElementId} | {pair.First.What} |", pair.Second));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Original_is_refused_with_reasons_naming_its_elements(string file)
    {
        var result = BpmnReader.Read(Original(file));

        Assert.False(result.IsDeployable);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.ElementId), e.ToString()));
        var rewritten = RealProcessRewrites.All.Where(r => r.File == file).Select(r => r.ElementId).ToHashSet();
        Assert.All(result.Errors, e => Assert.True(
            rewritten.Contains(e.ElementId!) || rewritten.Any(id => e.Message.Contains($"'{id}'", StringComparison.Ordinal)),
            $"{e} is not addressed by a rewrite"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Rewritten_copy_reads_without_errors_and_keeps_its_diagram(string file)
    {
        var result = BpmnReader.Read(Copy(file));

        Assert.True(result.IsDeployable, string.Join(Environment.NewLine, result.Errors));
        foreach (var warning in result.Warnings)
        {
            output.WriteLine(warning.ToString());
        }

        var definitions = result.Definitions!;
        Assert.NotEmpty(definitions.ExecutableProcesses);
        var original = XDocument.Parse(Original(file));
        Assert.Equal(original.Descendants(BpmnDi + "BPMNShape").Count(), definitions.Diagrams.Sum(d => d.Plane.Shapes.Count));
        Assert.Equal(original.Descendants(BpmnDi + "BPMNEdge").Count(), definitions.Diagrams.Sum(d => d.Plane.Edges.Count));
        Assert.All(definitions.ExecutableProcesses.SelectMany(p => p.AllNodes), n => Assert.IsNotType<ViewOnlyNode>(n));
    }

    [Fact]
    public void Rewritten_loan_granting_keeps_its_cron_start_and_multi_instance_over_credit_scores()
    {
        var process = BpmnReader.Read(Copy("camunda-examples__loan-granting.bpmn")).Definitions!.FindProcess("loan_process")!;

        var start = (TimerEventDefinition)process.Node<StartEvent>("StartEvent_1").Definition!;
        Assert.Equal(TimerKind.Cycle, start.Kind);
        Assert.IsType<CronTimer>(start.Schedule);
        var decide = process.Node<SubProcess>("SubProcess_16kr5xn");
        Assert.Equal("creditScores", decide.MultiInstance!.InputCollection!.Source);
        Assert.Equal("score", decide.MultiInstance.InputElement);
        Assert.Equal("score > 5", process.Flow("SequenceFlow_17zmvol").Condition!.Source);
        Assert.Equal("creditScoreChecker", process.Node<ServiceTask>("Task_1lvjtd4").Definition.Type.Literal);
    }

    [Fact]
    public void Rewritten_approval_flow_keeps_its_sequential_approvers_and_withdraw_signal()
    {
        var process = BpmnReader.Read(Copy("bpmn-engine__issue-187.bpmn")).Definitions!.FindProcess("ProcessApprove")!;

        var approve = process.Node<UserTask>("task_approve");
        Assert.Equal("审核立项", approve.Name);
        Assert.True(approve.MultiInstance!.IsSequential);
        Assert.Equal("handlers", approve.MultiInstance.InputCollection!.Source);
        Assert.Equal("top", approve.Assignment.Assignee!.Literal);
        var withdraw = Assert.Single(process.BoundaryEventsOf("task_approve"));
        Assert.Equal("cancel_sign", ((SignalEventDefinition)withdraw.Definition!).Signal.Name!.Literal);
        Assert.Equal(["show_in_my_tasks", "process_type", "target_type", "prj_id"], approve.IoMapping!.Inputs.Select(i => i.Target));
    }

    private static string Flat(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries));
}

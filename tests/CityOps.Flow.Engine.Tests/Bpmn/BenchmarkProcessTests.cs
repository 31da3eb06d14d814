using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class BenchmarkProcessTests
{
    [Fact]
    public void Engine_benchmark_peer_sample_process_reads_in_our_dialect()
    {
        var xml = File.ReadAllText(Path.Combine(BpmnTestFiles.SolutionRoot, "tests", "CityOps.Flow.Benchmarks", "Engine", "peer", "approval.bpmn"));

        var result = BpmnReader.Read(xml);

        Assert.True(result.IsDeployable, string.Join("\n", result.Problems));
        var process = result.Definitions!.FindProcess("approval")!;
        Assert.Equal("approved", process.Flow("toApproved").Condition!.Source);
        Assert.Equal("toRejected", process.DefaultFlowOf("decision")!.Id);
        Assert.Equal("reviewers", process.Node<UserTask>("review").Assignment.CandidateGroups!.Literal);
    }
}

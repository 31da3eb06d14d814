using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class BenchmarkProcessTests
{
    private static string EngineBenchmark(params string[] parts) =>
        File.ReadAllText(Path.Combine([BpmnTestFiles.SolutionRoot, "tests", "CityOps.Flow.Benchmarks", "Engine", .. parts]));

    [Fact]
    public void Engine_benchmark_process_reads_and_matches_its_bpmn_engine_twin()
    {
        var ours = BpmnReader.Read(EngineBenchmark("approval.bpmn"));
        var twin = BpmnReader.Read(EngineBenchmark("peer", "approval.bpmn"));

        Assert.True(ours.IsDeployable, string.Join("\n", ours.Problems));
        var process = ours.Definitions!.FindProcess("approval")!;
        Assert.Equal("approved", process.Flow("toApproved").Condition!.Source);
        Assert.Equal("toRejected", process.DefaultFlowOf("decision")!.Id);
        Assert.Equal("reviewers", process.Node<UserTask>("review").Assignment.CandidateGroups!.Literal);
        var twinProcess = twin.Definitions!.FindProcess("approval")!;
        Assert.Equal(process.AllNodes.Select(n => (n.Id, n.GetType())).Order(), twinProcess.AllNodes.Select(n => (n.Id, n.GetType())).Order());
        Assert.Equal(process.AllFlows.Select(f => (f.Id, f.SourceId, f.TargetId)).Order(), twinProcess.AllFlows.Select(f => (f.Id, f.SourceId, f.TargetId)).Order());
    }
}

using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Cases.Tests.Lifecycle.Workflow;

public sealed class LifecycleFileTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static string Xml => File.ReadAllText(RepositoryFiles.PathOf("workflows/case-lifecycle.bpmn"));

    [Fact]
    public void The_lifecycle_reads_without_errors_or_warnings()
    {
        var read = BpmnReader.Read(Xml, new BpmnReadOptions { KnownJobTypes = new HashSet<string>(["notify", "case-status"]) });

        Assert.Empty(read.Problems.Select(p => p.ToString()));
        Assert.True(read.IsDeployable);
        Assert.NotNull(read.Definitions!.FindProcess(LifecycleHarness.ProcessId));
    }

    [Fact]
    public void Every_element_and_flow_has_diagram_interchange_so_the_designer_draws_it()
    {
        var document = XDocument.Parse(Xml);
        var process = document.Descendants(Bpmn + "process").Single();
        var drawable = process.Descendants()
            .Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null && e.Name.LocalName is not ("conditionExpression" or "documentation"))
            .Select(e => e.Attribute("id")!.Value)
            .ToHashSet();
        var plane = Assert.Single(BpmnReader.Read(Xml).Definitions!.Diagrams).Plane;
        var drawn = plane.Shapes.Select(s => s.BpmnElementId).Concat(plane.Edges.Select(e => e.BpmnElementId)).ToHashSet();

        Assert.Equal(LifecycleHarness.ProcessId, plane.BpmnElementId);
        Assert.Equal([], drawable.Except(drawn).Order(StringComparer.Ordinal));
        Assert.All(plane.Shapes, s => Assert.True(s.Bounds.Width > 0 && s.Bounds.Height > 0, s.BpmnElementId));
        Assert.All(plane.Edges, e => Assert.True(e.Waypoints.Count >= 2, e.BpmnElementId));
    }
}

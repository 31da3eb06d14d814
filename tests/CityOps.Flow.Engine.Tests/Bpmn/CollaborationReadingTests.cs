using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class CollaborationReadingTests
{
    [Fact]
    public void Pools_message_flows_lanes_and_artifacts_are_kept_for_viewing()
    {
        var result = BpmnFixtures.Read("Collaboration", "two-pools.bpmn");
        Assert.True(result.IsDeployable, string.Join("\n", result.Problems));
        var definitions = result.Definitions!;

        var collaboration = Assert.Single(definitions.Collaborations);
        Assert.Equal([("citizenPool", (string?)null), ("centrePool", "intake")], collaboration.Participants.Select(p => (p.Id, p.ProcessId)));
        Assert.Equal(new MessageFlow("callIn", "calls 12345", "citizenPool", "received"), Assert.Single(collaboration.MessageFlows));
        Assert.Equal("Calls arrive around the clock", collaboration.Artifacts.Single(a => a.Kind == ArtifactKind.TextAnnotation).Text);

        var process = definitions.FindProcess("intake")!;
        Assert.Equal(["Operators", "Dispatchers"], process.Lanes.Select(l => l.Name));
        Assert.Equal(["received", "record"], process.Lanes[0].FlowNodeIds);
        Assert.Contains(process.Artifacts, a => a is { Kind: ArtifactKind.DataOutputAssociation, SourceId: "record", TargetId: "reportRef" });
        Assert.Contains(process.Artifacts, a => a is { Kind: ArtifactKind.DataObjectReference, Name: "Report" });
    }

    [Fact]
    public void Diagram_keeps_shapes_with_bounds_and_labels_and_edges_with_waypoints()
    {
        var diagram = Assert.Single(BpmnFixtures.Read("Collaboration", "two-pools.bpmn").Definitions!.Diagrams);

        Assert.Equal("hotline", diagram.Plane.BpmnElementId);
        Assert.Equal(9, diagram.Plane.Shapes.Count);
        Assert.Equal(5, diagram.Plane.Edges.Count);
        var start = diagram.Plane.Shapes.Single(s => s.BpmnElementId == "received");
        Assert.Equal(new(180, 162, 36, 36), start.Bounds);
        Assert.Equal(new(166, 205, 64, 14), start.LabelBounds);
        Assert.True(diagram.Plane.Shapes.Single(s => s.BpmnElementId == "centrePool").IsHorizontal);
        var flow = diagram.Plane.Edges.Single(e => e.BpmnElementId == "f2");
        Assert.Equal([new(380, 180), new(470, 180), new(470, 292)], flow.Waypoints);
        Assert.NotNull(flow.LabelBounds);
    }
}

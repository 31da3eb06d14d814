using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>The OMG BPMN interchange reference models: every one loads with its diagram, and is executable or refused by name.</summary>
public sealed class MiwgReferenceTests
{
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>File, the processes that end up executable, the elements refused (errors), and one expected reason.</summary>
    public static TheoryData<string, string[], string[], string?> Expectations => new()
    {
        { "A.1.0.bpmn", [], [], null },
        { "A.2.0.bpmn", [], [], null },
        { "A.2.1.bpmn", [], [], null },
        { "A.3.0.bpmn", [], [], null },
        { "A.4.0.bpmn", [], [], null },
        { "A.4.1.bpmn", [], [], null },
        { "B.1.0.bpmn", [], [], null },
        { "B.2.0.bpmn", [], [], null },
        {
            "C.1.0.bpmn", [],
            ["approveInvoice", "archiveInvoice", "assignApprover", "invoiceApproved", "invoiceNotApproved", "prepareBankTransfer", "reviewInvoice", "reviewNotSuccessful", "reviewSuccessful"],
            "camunda:assignee is Camunda 7 configuration"
        },
        {
            "C.1.1.bpmn", [],
            ["approveInvoice", "archiveInvoice", "assignApprover", "invoiceApproved", "invoiceNotApproved", "prepareBankTransfer", "reviewInvoice", "reviewNotSuccessful", "reviewSuccessful"],
            "is not a FEEL expression; conditions start with '='"
        },
        { "C.2.0.bpmn", [], [], null },
        {
            "C.3.0.bpmn", [],
            [
                "_3fb323d5-2c59-487a-af63-804208f6c5cb", "_437e5969-1e61-4cb9-aa76-4f8854f32eeb", "_6a34496f-8cf7-42e5-88a9-d1af98cc3cba",
                "_a92069f7-377b-4dbd-a1fd-1da071aabf6d", "_ada039b6-94dd-4a15-a6b1-c7fe662c64ee", "_b99800c3-c340-460c-a43e-098014a365d0",
                "_be893987-caec-4605-b078-bd96b7cd6c12", "_c73a5f4a-72f1-4e11-bb40-2f98da75fb9a", "_cd6f230f-13c3-4027-aa3e-57de601a1ab2",
                "_cddf9325-a85b-4347-8c57-8b909fa77ae9", "_cf380e47-1401-4e7e-b710-193b626e49eb", "_d034722f-751d-4f37-a3d7-47993822e979",
                "Bpmn_BoundaryEvent_LwKtwhqHEeWDuOtG0oS24A",
            ],
            "has no correlation key"
        },
        { "C.4.0.bpmn", [], [], null },
        { "C.5.0.bpmn", [], [], null },
        { "C.6.0.bpmn", [], [], null },
        { "C.7.0.bpmn", [], [], null },
        { "C.9.0.bpmn", [], ["UserTask_HandleTimeout"], "neither an assignee nor candidate groups or users" },
        { "C.9.1.bpmn", [], ["UserTask_CallCustomer"], "neither an assignee nor candidate groups or users" },
        { "C.9.2.bpmn", ["ManualCheck"], [], null },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Reference_model_is_executable_or_refused_naming_its_elements(string file, string[] executable, string[] refused, string? reason)
    {
        var result = BpmnReader.Read(File.ReadAllText(BpmnTestFiles.SharedData("bpmn-miwg", file)));

        Assert.NotNull(result.Definitions);
        Assert.Equal(executable, result.Definitions.ExecutableProcesses.Select(p => p.Id));
        Assert.Equal(refused.Order(StringComparer.Ordinal), result.Errors.Select(e => e.ElementId!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(result.Errors, e => Assert.True(e.Line > 0 && e.ElementId is not null, e.ToString()));
        Assert.Equal(refused.Length == 0, result.IsDeployable);
        if (reason is not null)
        {
            Assert.Contains(result.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Reference_model_diagram_keeps_every_shape_and_edge_and_each_draws_a_model_element(string file, string[] executable, string[] refused, string? reason)
    {
        _ = (executable, refused, reason);
        var xml = File.ReadAllText(BpmnTestFiles.SharedData("bpmn-miwg", file));
        var document = XDocument.Parse(xml);

        var definitions = BpmnReader.Read(xml).Definitions!;

        var planes = definitions.Diagrams.Select(d => d.Plane).ToList();
        Assert.Equal(document.Descendants(BpmnDi + "BPMNDiagram").Count(), definitions.Diagrams.Count);
        Assert.Equal(document.Descendants(BpmnDi + "BPMNShape").Count(), planes.Sum(p => p.Shapes.Count));
        Assert.Equal(document.Descendants(BpmnDi + "BPMNEdge").Count(), planes.Sum(p => p.Edges.Count));
        Assert.All(planes.SelectMany(p => p.Edges), e => Assert.True(e.Waypoints.Count >= 2, $"edge {e.Id} has {e.Waypoints.Count} waypoints"));
        Assert.All(planes.SelectMany(p => p.Shapes), s => Assert.True(s.Bounds.Width > 0 && s.Bounds.Height > 0, $"shape {s.Id} has no size"));
        var drawable = DrawableIds.Of(definitions);
        Assert.All(
            planes.SelectMany(p => p.Shapes.Select(s => s.BpmnElementId).Concat(p.Edges.Select(e => e.BpmnElementId))).OfType<string>(),
            id => Assert.Contains(id, drawable));
    }

    [Fact]
    public void Executable_reference_model_carries_its_embedded_task_form()
    {
        var definitions = BpmnReader.Read(File.ReadAllText(BpmnTestFiles.SharedData("bpmn-miwg", "C.9.2.bpmn"))).Definitions!;
        var process = definitions.FindProcess("ManualCheck")!;

        var task = process.AllNodes.OfType<CityOps.Flow.Engine.Bpmn.Model.UserTask>().Single(t => t.Form is not null);

        Assert.Equal("camunda-forms:bpmn:userTaskForm_2s8lq02", task.Form!.FormKey);
        var form = definitions.EmbeddedFormFor(task.Form);
        Assert.NotNull(form);
        Assert.StartsWith("{", form);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(form).RootElement.ValueKind);
    }

    [Fact]
    public void Refused_reference_model_still_loads_for_viewing_but_never_as_executable()
    {
        var result = BpmnReader.Read(File.ReadAllText(BpmnTestFiles.SharedData("bpmn-miwg", "C.1.1.bpmn")));

        var process = Assert.Single(result.Definitions!.Processes);
        Assert.Equal("handle-invoice", process.Id);
        Assert.False(process.IsExecutable);
        Assert.True(process.AllNodes.Count() > 5);
    }
}

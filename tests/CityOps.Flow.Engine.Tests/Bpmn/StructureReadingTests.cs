using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class StructureReadingTests
{
    [Fact]
    public void Flows_to_nowhere_and_duplicate_ids_are_errors_naming_the_flow()
    {
        var result = BpmnFixtures.Read("Structure", "flows-to-nowhere.bpmn");

        result.AssertError("f2", "goes to 'nowhere', which is not an element");
        result.AssertError("f3", "comes from 'ghost', which is not an element");
        result.AssertError("f4", "has no targetRef");
        result.AssertError("done", "the id 'done' is used twice (first at line 6)");
    }

    [Fact]
    public void A_non_executable_process_loads_for_viewing_with_warnings_only()
    {
        var result = BpmnFixtures.Read("Structure", "view-only.bpmn");

        Assert.Empty(result.Errors);
        var process = Assert.Single(result.Definitions!.Processes);
        Assert.False(process.IsExecutable);
        Assert.Empty(result.Definitions.ExecutableProcesses);
        result.AssertWarning("compute", "the engine runs no scripts");
        result.AssertNoProblemFor("review");
        result.AssertNoProblemFor("f4");
        Assert.Equal(5, process.AllNodes.Count());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_not_just_the_first()
    {
        var result = BpmnFixtures.Read("Structure", "many-problems.bpmn");

        result.AssertError("compute", "no scripts");
        result.AssertError("review", "standard loops");
        result.AssertError("review", "neither an assignee nor candidate groups or users");
        result.AssertError("archive", "no zeebe:taskDefinition type");
        result.AssertError("pay", "transactions are not supported");
        result.AssertError("investigate", "ad-hoc sub-processes are not supported");
        result.AssertError("f6", "goes to 'nowhere'");
        Assert.Equal(7, result.Errors.Count());
    }

    [Fact]
    public void Malformed_xml_is_one_error_with_its_position_and_no_model()
    {
        var result = BpmnFixtures.Read("Structure", "malformed.bpmn");

        Assert.Null(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("not well-formed XML", problem.Message);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void A_file_with_a_dtd_is_refused_before_any_entity_expands()
    {
        var result = BpmnFixtures.Read("Structure", "with-dtd.bpmn");

        Assert.Null(result.Definitions);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("DTD", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void A_file_that_is_not_bpmn_says_what_it_found()
    {
        var result = BpmnFixtures.Read("Structure", "not-bpmn.bpmn");

        Assert.Null(result.Definitions);
        Assert.Contains("not a BPMN 2.0 file", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void The_original_xml_is_kept_for_the_viewer()
    {
        var xml = BpmnTestFiles.ReadFixture("Fixtures", "Gateways", "exclusive-with-default.bpmn");

        Assert.Equal(xml, BpmnReader.Read(xml).Definitions!.SourceXml);
    }
}

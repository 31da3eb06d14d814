using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class GatewayReadingTests
{
    [Fact]
    public void Exclusive_gateway_keeps_conditions_in_document_order_and_marks_its_default_flow()
    {
        var process = BpmnFixtures.ReadValid("Gateways", "exclusive-with-default.bpmn");

        var outgoing = process.Outgoing("severity");
        Assert.Equal(["toDistrict", "toStreet", "toCommunity"], outgoing.Select(f => f.Id));
        Assert.Equal("severity >= 3", outgoing[0].Condition!.Source);
        Assert.Equal("toCommunity", process.DefaultFlowOf("severity")!.Id);
        Assert.True(outgoing[2].IsDefault);
        Assert.False(outgoing[0].IsDefault);
        Assert.Equal("severity", Assert.Single(process.Incoming("district")).SourceId);
    }

    [Fact]
    public void Exclusive_gateway_whose_conditions_can_all_be_false_without_a_default_gets_a_warning()
    {
        var result = BpmnFixtures.Read("Gateways", "exclusive-without-default.bpmn");

        Assert.True(result.IsDeployable);
        result.AssertWarning("uncovered", "when no condition holds the instance stops with an incident");
        result.AssertNoProblemFor("covered");
        result.AssertNoProblemFor("comparison");
    }

    [Fact]
    public void Gateway_faults_are_all_reported_together()
    {
        var result = BpmnFixtures.Read("Gateways", "gateway-faults.bpmn");

        result.AssertError("f2", "parallel gateway never evaluates");
        result.AssertError("deadEnd", "no way out");
        result.AssertError("f5", "no condition and is not its default flow");
        result.AssertError("complex", "complex gateways are not supported");
        Assert.Equal(4, result.Errors.Count());
    }

    [Fact]
    public void Event_based_gateway_may_be_followed_only_by_catch_events_and_receive_tasks()
    {
        var result = BpmnFixtures.Read("Gateways", "event-based.bpmn");

        result.AssertNoProblemFor("waitForReply");
        result.AssertNoProblemFor("f2");
        result.AssertNoProblemFor("f7");
        result.AssertError("f6", "only timer, message or signal catch events and receive tasks may follow it");
        Assert.Single(result.Errors);
        Assert.IsType<InclusiveGateway>(result.Definitions!.Processes[0].Node("join"));
    }
}

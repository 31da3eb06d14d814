using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class MultiInstanceReadingTests
{
    [Fact]
    public void Parallel_multi_instance_over_a_collection_and_sequential_by_cardinality_read()
    {
        var result = BpmnFixtures.Read("MultiInstance", "multi-instance.bpmn");
        var process = result.Definitions!.Processes[0];

        var joint = process.Node<UserTask>("jointHandling").MultiInstance!;
        Assert.False(joint.IsSequential);
        Assert.Equal("departments", joint.InputCollection!.Source);
        Assert.Equal("department", joint.InputElement);
        Assert.Equal("results", joint.OutputCollection);
        Assert.Equal("result", joint.OutputElement!.Source);
        Assert.Equal("numberOfCompletedInstances >= 2", joint.CompletionCondition!.Source);

        var thrice = process.Node<ServiceTask>("remindThrice").MultiInstance!;
        Assert.True(thrice.IsSequential);
        Assert.Equal("3", thrice.LoopCardinality!.Source);
        Assert.Null(thrice.InputCollection);
        result.AssertNoProblemFor("jointHandling");
        result.AssertNoProblemFor("remindThrice");
    }

    [Fact]
    public void Multi_instance_without_collection_or_with_half_an_output_is_refused()
    {
        var result = BpmnFixtures.Read("MultiInstance", "multi-instance.bpmn");

        result.AssertError("noCollection", "neither zeebe:loopCharacteristics inputCollection nor loopCardinality");
        result.AssertError("noCollection", "needs outputCollection and outputElement together");
        Assert.Equal(2, result.Errors.Count());
    }
}

using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

internal static class NodeCasts
{
    public static T As<T>(this FlowNode node) where T : FlowNode => Assert.IsAssignableFrom<T>(node);
}

using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Tests.Bpmn;

/// <summary>Every id in a read model that a diagram may draw.</summary>
internal static class DrawableIds
{
    public static HashSet<string> Of(BpmnDefinitions definitions)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in definitions.Processes)
        {
            ids.Add(process.Id);
            ids.UnionWith(process.AllNodes.Select(n => n.Id));
            ids.UnionWith(process.AllFlows.Select(f => f.Id));
            ids.UnionWith(process.Artifacts.Select(a => a.Id));
            ids.UnionWith(Lanes(process.Lanes));
        }

        foreach (var collaboration in definitions.Collaborations)
        {
            ids.Add(collaboration.Id);
            ids.UnionWith(collaboration.Participants.Select(p => p.Id));
            ids.UnionWith(collaboration.MessageFlows.Select(m => m.Id));
            ids.UnionWith(collaboration.Artifacts.Select(a => a.Id));
        }

        return ids;
    }

    private static IEnumerable<string> Lanes(IEnumerable<Lane> lanes) => lanes.SelectMany(l => Lanes(l.ChildLanes).Prepend(l.Id));
}

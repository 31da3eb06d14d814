using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Engine.Runtime.State;

namespace CityOps.Flow.Engine.Tests.Runtime;

public sealed class DecisionTaskTests
{
    [Fact]
    public void Business_rule_task_routes_the_case_with_the_decision_table()
    {
        var h = new RuntimeHarness();
        h.Deploy("decisions/routing.dmn", "decisions/route-and-handle.bpmn");
        var id = h.Start("route_and_handle", new { category = "leak" });

        Assert.Equal(["water"], h.Task(id, "Handle").CandidateGroups);
        var evaluated = Assert.Single(h.History(id).OfType<DecisionEvaluated>());
        Assert.Equal(("route_case", 1, "rule_water"), (evaluated.DecisionId, evaluated.DecisionVersion, Assert.Single(evaluated.MatchedRules)));
        h.AssertReplayMatches(id);
    }

    [Fact]
    public void Decision_without_a_matching_rule_gives_null_and_the_task_goes_to_nobody()
    {
        var h = new RuntimeHarness();
        h.Deploy("decisions/routing.dmn", "decisions/route-and-handle.bpmn");
        var id = h.Start("route_and_handle", new { category = "noise" });

        Assert.Equal(InstanceStatus.Active, h.State(id).Status);
        Assert.True(h.State(id).LocalVariables(ProcessInstanceState.RootTokenId).ContainsKey("department"));
        Assert.Null(h.Variable(id, "department"));
    }

    [Fact]
    public void Process_calling_an_undeployed_decision_is_refused_at_deploy_time()
    {
        var h = new RuntimeHarness();
        var result = h.Engine.Deploy([new DeploymentResource("route-and-handle.bpmn", RuntimeHarness.ProcessFile("decisions/route-and-handle.bpmn"))]);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains("route_case") && p.Contains("Route"));
    }

    [Fact]
    public void Redeploying_a_changed_decision_table_makes_version_2_which_new_evaluations_use()
    {
        var h = new RuntimeHarness();
        h.Deploy("decisions/routing.dmn", "decisions/route-and-handle.bpmn");
        var changed = RuntimeHarness.ProcessFile("decisions/routing.dmn").Replace("\"water\"", "\"water-bureau\"");

        var second = h.Engine.Deploy([new DeploymentResource("routing.dmn", changed)]);
        var id = h.Start("route_and_handle", new { category = "leak" });

        Assert.Equal(2, second.VersionOf("RoutingDefs"));
        Assert.Equal(["water-bureau"], h.Task(id, "Handle").CandidateGroups);
    }
}

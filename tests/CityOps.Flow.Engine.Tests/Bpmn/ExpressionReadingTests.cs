using CityOps.Flow.Engine.Bpmn.Model;
using CityOps.Flow.Engine.Bpmn.Reading;
using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Tests.Bpmn;

public sealed class ExpressionReadingTests
{
    [Fact]
    public void Unparseable_feel_is_refused_with_the_position_inside_the_expression()
    {
        var result = BpmnFixtures.Read("Expressions", "invalid-feel.bpmn");

        result.AssertError("verify", "zeebe:assignmentDefinition assignee is not valid FEEL at line 1, column 6 of the expression");
        result.AssertError("verify", "the multi-instance inputCollection is not valid FEEL at line 1, column 5");
        result.AssertError("big", "the condition of 'big' is not valid FEEL at line 1, column 10 of the expression: unexpected ')'");
        result.AssertError("odd", "at line 2, column 3 of the expression");
        Assert.Equal(4, result.Errors.Count());
    }

    [Fact]
    public void Expressions_are_compiled_once_at_read_time_and_evaluate_as_read()
    {
        var process = BpmnFixtures.ReadValid("Gateways", "exclusive-with-default.bpmn");
        var condition = process.Flow("toDistrict").Condition!;
        var feel = new FeelEngine(TimeProvider.System);

        Assert.NotNull(condition.Compiled);
        Assert.Equal(true, feel.Evaluate(condition.Compiled, new Dictionary<string, object?> { ["severity"] = 4 }).Value);
        Assert.Equal(false, feel.Evaluate(condition.Compiled, new Dictionary<string, object?> { ["severity"] = 1 }).Value);
    }

    [Fact]
    public void Literals_and_expressions_are_told_apart_by_the_leading_equals_sign()
    {
        var task = BpmnFixtures.ReadValid("Tasks", "user-task-assigned.bpmn").Node<UserTask>("verify");

        Assert.False(task.Assignment.CandidateGroups!.IsExpression);
        Assert.Equal("dispatchers, supervisors", task.Assignment.CandidateGroups.Literal);
        Assert.True(task.Assignment.Assignee!.IsExpression);
        Assert.Null(task.Assignment.Assignee.Literal);
        Assert.NotNull(task.Assignment.Assignee.Expression!.Compiled);
        Assert.Equal("=initiator", task.Assignment.Assignee.Text);
    }

    [Fact]
    public void Reader_compiles_with_the_supplied_feel_engine_and_its_limits()
    {
        var strict = new BpmnReadOptions { Feel = new FeelEngine(TimeProvider.System, limits: new FeelLimits(MaxExpressionLength: 12)) };

        var result = BpmnFixtures.Read("Gateways", "exclusive-with-default.bpmn", strict);

        result.AssertError("toDistrict", "is not valid FEEL");
        result.AssertNoProblemFor("toStreet");
    }
}

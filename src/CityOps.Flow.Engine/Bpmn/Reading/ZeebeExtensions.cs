using System.Xml.Linq;
using CityOps.Flow.Engine.Bpmn.Model;

namespace CityOps.Flow.Engine.Bpmn.Reading;

/// <summary>Reads the zeebe: extension elements that carry execution details.</summary>
internal static class ZeebeExtensions
{
    public static IoMapping? IoMapping(ProcessContext context, XElement element, string id)
    {
        if (element.Zeebe("ioMapping") is not { } mapping)
        {
            return null;
        }

        return new IoMapping(Parameters(context, mapping, id, "input"), Parameters(context, mapping, id, "output"));
    }

    public static TaskDefinition? TaskDefinition(ProcessContext context, XElement element, string id)
    {
        if (element.Zeebe("taskDefinition") is not { } definition)
        {
            return null;
        }

        var type = ExpressionReader.Value(context, definition, id, "zeebe:taskDefinition type", definition.Attr("type"));
        if (type is null)
        {
            return null;
        }

        var retries = ExpressionReader.Value(context, definition, id, "zeebe:taskDefinition retries", definition.Attr("retries"))
            ?? BpmnValue.FromLiteral("3");
        if (retries.Literal is { } literal && (!int.TryParse(literal, out var count) || count < 0))
        {
            context.Require(definition, id, $"zeebe:taskDefinition retries '{literal}' is not a whole number of attempts");
        }

        return new TaskDefinition(type, retries);
    }

    public static IReadOnlyList<TaskHeader> Headers(XElement element) =>
        element.Zeebe("taskHeaders")?.Elements(BpmnNames.Zeebe + "header")
            .Select(h => new TaskHeader(h.Attr("key") ?? "", h.Attr("value") ?? ""))
            .ToList() ?? [];

    public static TaskAssignment Assignment(ProcessContext context, XElement element, string id)
    {
        var assignment = element.Zeebe("assignmentDefinition");
        return new TaskAssignment(
            Value(context, assignment, id, "assignee"),
            Value(context, assignment, id, "candidateGroups"),
            Value(context, assignment, id, "candidateUsers"));
    }

    public static TaskSchedule? Schedule(ProcessContext context, XElement element, string id)
    {
        if (element.Zeebe("taskSchedule") is not { } schedule)
        {
            return null;
        }

        var due = Value(context, schedule, id, "dueDate");
        var followUp = Value(context, schedule, id, "followUpDate");
        foreach (var (value, name) in new[] { (due, "dueDate"), (followUp, "followUpDate") })
        {
            if (value?.Literal is { } literal && Scheduling.Timers.TimerScheduleParser.ParseDateTime(literal) is null)
            {
                context.Require(schedule, id, $"zeebe:taskSchedule {name} '{literal}' is not an ISO 8601 date-time with an offset");
            }
        }

        return due is null && followUp is null ? null : new TaskSchedule(due, followUp);
    }

    public static BpmnValue? Priority(ProcessContext context, XElement element, string id)
    {
        var priority = Value(context, element.Zeebe("priorityDefinition"), id, "priority");
        if (priority?.Literal is { } literal && (!int.TryParse(literal, out var number) || number is < 0 or > 100))
        {
            context.Require(element.Zeebe("priorityDefinition"), id, $"zeebe:priorityDefinition priority '{literal}' is not a whole number from 0 to 100");
        }

        return priority;
    }

    public static FormReference? Form(XElement element)
    {
        if (element.Zeebe("formDefinition") is not { } form)
        {
            return null;
        }

        return new FormReference(form.Attr("formKey"), form.Attr("formId"));
    }

    private static BpmnValue? Value(ProcessContext context, XElement? owner, string id, string attribute) =>
        owner is null ? null : ExpressionReader.Value(context, owner, id, $"zeebe:{owner.Name.LocalName} {attribute}", owner.Attr(attribute));

    private static List<IoParameter> Parameters(ProcessContext context, XElement mapping, string id, string kind)
    {
        var parameters = new List<IoParameter>();
        foreach (var parameter in mapping.Elements(BpmnNames.Zeebe + kind))
        {
            var target = parameter.Attr("target");
            var source = ExpressionReader.Value(context, parameter, id, $"zeebe:{kind} source", parameter.Attr("source"));
            if (string.IsNullOrWhiteSpace(target))
            {
                context.Require(parameter, id, $"a zeebe:{kind} mapping has no target variable");
                continue;
            }

            // Zeebe treats a missing source as null assigned to the target.
            parameters.Add(new IoParameter(source ?? BpmnValue.FromExpression(new BpmnExpression("null")), target.Trim()));
        }

        return parameters;
    }
}

namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>
/// zeebe:assignmentDefinition. Candidate groups and users are comma-separated literals or expressions
/// returning a list; at least one of the three is present on a valid user task.
/// </summary>
public sealed record TaskAssignment(BpmnValue? Assignee, BpmnValue? CandidateGroups, BpmnValue? CandidateUsers);

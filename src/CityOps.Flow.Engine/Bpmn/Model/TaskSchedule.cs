namespace CityOps.Flow.Engine.Bpmn.Model;

/// <summary>zeebe:taskSchedule: due and follow-up dates (ISO date-times or expressions).</summary>
public sealed record TaskSchedule(BpmnValue? DueDate, BpmnValue? FollowUpDate);

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>What a task action did: the case's status afterwards as the case record has it.</summary>
public sealed record TaskActionAnswer(string CaseId, string CaseNumber, Guid TaskId, string Action, string CaseStatus);

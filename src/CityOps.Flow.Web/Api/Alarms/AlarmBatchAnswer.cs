namespace CityOps.Flow.Web.Api.Alarms;

/// <summary>A batch of alarms, all committed: how many opened a case, joined one or were retries, and each alarm's answer in order.</summary>
public sealed record AlarmBatchAnswer(int Accepted, int Opened, int Joined, int Replayed, IReadOnlyList<AlarmAnswer> Items);

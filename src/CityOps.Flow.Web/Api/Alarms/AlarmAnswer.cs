namespace CityOps.Flow.Web.Api.Alarms;

/// <summary>
/// Where one alarm went: <c>opened</c> a case or <c>joined</c> the open case of the same problem nearby (多人一诉).
/// A retried alarm (same channel and source id) gets its first answer again with <see cref="Replayed"/> set.
/// </summary>
public sealed record AlarmAnswer(string SourceId, string Outcome, string CaseId, string CaseNumber, int ClusterSize, bool Replayed);

namespace CityOps.Flow.Replay311;

/// <summary>What a replay did: every sent report is accepted (a case opened or joined, or a retry answered) or refused.</summary>
public sealed record ReplayCounts(int Sent, int Accepted, int Opened, int Joined, int Duplicates, int Refused)
{
    public static ReplayCounts Of(IReadOnlyCollection<ReplayedReport> reports) => new(
        reports.Count,
        reports.Count(r => r.Outcome is not null),
        reports.Count(r => r.Outcome == "opened"),
        reports.Count(r => r.Outcome == "joined"),
        reports.Count(r => r.Outcome == "duplicate"),
        reports.Count(r => r.Outcome is null));

    public override string ToString() =>
        $"reports sent {Sent}, accepted {Accepted}, cases opened {Opened}, joined {Joined}, duplicates {Duplicates}, refused={Refused}";
}

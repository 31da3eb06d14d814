namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// The test clock after a move: its time, how many due timers the move itself fired (the host's job executor, woken by
/// the move, may fire some of them first; either way they have fired when the answer comes), and whether any due job
/// is still waiting (one that is backing off after a failure, or held by another node).
/// </summary>
public sealed record ClockReading(DateTimeOffset Now, int FiredJobs, bool DueJobsLeft);

namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// The test clock after a move: its time, how many due timers fired, and whether any due job is still waiting
/// (one that is backing off after a failure, or held by another node).
/// </summary>
public sealed record ClockReading(DateTimeOffset Now, int FiredJobs, bool DueJobsLeft);

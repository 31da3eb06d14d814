namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// How to move the test clock; give exactly one. <see cref="AdvanceBy"/> is clock time and <see cref="AdvanceWorking"/>
/// working time on the district calendar (<c>PT4H</c> four working hours, <c>P2D</c> to the close of the second working
/// day after today, as a time limit counts), both ISO 8601 durations; <see cref="SetTo"/> a later instant.
/// </summary>
public sealed record ClockMove(string? AdvanceBy = null, string? AdvanceWorking = null, DateTimeOffset? SetTo = null);

namespace CityOps.Flow.Engine.Scheduling.Timers;

/// <summary>A parsed cron expression, or why the text is not one.</summary>
public sealed record CronParseResult(CronExpression? Expression, string? Error);

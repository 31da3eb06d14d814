namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// A day worked although it falls on a weekend (调休上班), keeping the working hours of <see cref="FollowsWeekday"/>.
/// </summary>
public sealed record AdjustedWorkingDay(string Name, DateOnly Date, DayOfWeek FollowsWeekday = DayOfWeek.Monday);

namespace CityOps.Flow.Cases.Catalog;

/// <summary>The unit a time limit is counted in; all of them count working time only (工作时 / 工作日).</summary>
public enum TimeLimitUnit
{
    WorkingMinutes,
    WorkingHours,
    WorkingDays,
}

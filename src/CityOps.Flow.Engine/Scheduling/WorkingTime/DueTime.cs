namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// A due time with the years it was computed through without their holiday arrangement (counted as regular
/// weeks); a non-empty list means the date may move once the year's notice is added to the calendar.
/// </summary>
public sealed record DueTime(DateTimeOffset At, IReadOnlyList<int> YearsAssumedRegular)
{
    public bool IsProvisional => YearsAssumedRegular.Count > 0;

    /// <summary>A sentence for the case page when the due time is provisional, otherwise null.</summary>
    public string? Warning => IsProvisional
        ? $"Due time assumes regular working weeks in {string.Join(", ", YearsAssumedRegular)}: the calendar has no holiday arrangement for it yet."
        : null;
}

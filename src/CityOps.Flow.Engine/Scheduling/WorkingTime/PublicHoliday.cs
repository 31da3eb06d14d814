namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>A public holiday (法定节假日) covering the days <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record PublicHoliday(string Name, DateOnly From, DateOnly To)
{
    public PublicHoliday(string name, DateOnly date)
        : this(name, date, date)
    {
    }

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

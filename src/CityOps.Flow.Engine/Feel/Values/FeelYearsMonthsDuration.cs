namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL <c>years and months duration</c>, held as a signed number of months.</summary>
public readonly record struct FeelYearsMonthsDuration(int TotalMonths) : IComparable<FeelYearsMonthsDuration>
{
    public int Years => TotalMonths / 12;

    public int Months => TotalMonths % 12;

    public int CompareTo(FeelYearsMonthsDuration other) => TotalMonths.CompareTo(other.TotalMonths);

    public override string ToString() => TemporalText.Format(this);
}

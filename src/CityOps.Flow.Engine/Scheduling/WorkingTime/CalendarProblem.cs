namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>A defect in a calendar definition, located by a JSON-style path such as <c>years[0].holidays[2]</c>.</summary>
public sealed record CalendarProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// The routing table's priority (1 highest … 4 lowest) as a task carries it on Zeebe's 0–100 scale:
/// <c>(5 - priority) * 25</c>, so 1 → 100, 2 → 75, 3 → 50 (a task whose model names no priority) and 4 → 25.
/// </summary>
public static class TaskPriority
{
    public const int Highest = 1;
    public const int Lowest = 4;

    /// <summary>The level 1–4 of a task priority 0–100, the nearest step of the scale.</summary>
    public static int LevelOf(int taskPriority) =>
        Math.Clamp(5 - (int)Math.Round(taskPriority / 25.0, MidpointRounding.AwayFromZero), Highest, Lowest);

    /// <summary>The task priorities of a level: at least <c>Min</c>, below <c>Below</c> (the inverse of <see cref="LevelOf"/>).</summary>
    public static (int Min, int Below) RangeOf(int level) => level switch
    {
        Highest => (88, int.MaxValue),
        2 => (63, 88),
        3 => (38, 63),
        _ => (int.MinValue, 38),
    };
}

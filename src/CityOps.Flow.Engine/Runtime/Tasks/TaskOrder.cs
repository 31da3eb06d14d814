namespace CityOps.Flow.Engine.Runtime.Tasks;

/// <summary>The inbox order: due date first (undated last), then higher priority, then older, then id for a stable page.</summary>
public sealed class TaskOrder : IComparer<UserTaskRecord>
{
    public static TaskOrder Instance { get; } = new();

    public int Compare(UserTaskRecord? x, UserTaskRecord? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byDue = (x.DueDate, y.DueDate) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => a.Value.CompareTo(b.Value),
        };
        if (byDue != 0) return byDue;
        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0) return byPriority;
        var byCreation = x.CreatedAt.CompareTo(y.CreatedAt);
        return byCreation != 0 ? byCreation : x.Id.CompareTo(y.Id);
    }
}

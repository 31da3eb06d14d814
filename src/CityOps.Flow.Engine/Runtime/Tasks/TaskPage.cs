namespace CityOps.Flow.Engine.Runtime.Tasks;

/// <summary>One page of an inbox and how many tasks matched in all.</summary>
public sealed record TaskPage(IReadOnlyList<UserTaskRecord> Items, int Total);

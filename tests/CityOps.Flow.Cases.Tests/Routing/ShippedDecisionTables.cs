using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Scheduling;

namespace CityOps.Flow.Cases.Tests.Routing;

/// <summary>The decision tables shipped in workflows/, read once with the engine's DMN reader.</summary>
internal static class ShippedDecisionTables
{
    public static readonly FeelEngine Feel = new(new AdjustableClock(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero)));

    public static readonly DmnEvaluator Evaluator = new(Feel);

    private static readonly Lazy<DmnDefinitions> RoutingTable = new(() => Read("workflows/routing.dmn"));

    private static readonly Lazy<DmnDefinitions> EscalationTable = new(() => Read("workflows/escalation.dmn"));

    public static DmnDefinitions Routing => RoutingTable.Value;

    public static DmnDefinitions Escalation => EscalationTable.Value;

    public static DmnReadResult ReadResult(string relativePath) => new DmnReader(Feel).ReadFile(RepositoryFiles.PathOf(relativePath));

    private static DmnDefinitions Read(string relativePath)
    {
        var result = ReadResult(relativePath);
        return result.Success ? result.Definitions! : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }
}

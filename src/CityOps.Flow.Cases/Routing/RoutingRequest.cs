using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;

namespace CityOps.Flow.Cases.Routing;

/// <summary>What the routing table (<c>workflows/routing.dmn</c>, decision <c>routing</c>) reads about a case.</summary>
public sealed record RoutingRequest
{
    public const string DecisionId = "routing";

    public required string CategoryCode { get; init; }

    /// <summary>The street (街道/镇) area id; null while the location is not resolved, which sends the case to the district dispatcher.</summary>
    public string? StreetId { get; init; }

    /// <summary>The community (居委/村) area id, used for community-level handling; null when unknown.</summary>
    public string? CommunityId { get; init; }

    public required Channel Channel { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>How many reports the case stands for (多人一诉), at least 1.</summary>
    public int ClusterSize { get; init; } = 1;

    /// <summary>The catalogue's limit for the category; rules that do not set their own limit return it.</summary>
    public required TimeLimit CategoryTimeLimit { get; init; }

    /// <summary>A request for a validated report of a catalogued category, at the size its cluster has reached.</summary>
    public static RoutingRequest For(IntakeReport report, Category category, string? streetId, string? communityId, int clusterSize) => new()
    {
        CategoryCode = category.Code,
        StreetId = streetId,
        CommunityId = communityId,
        Channel = report.Channel,
        Severity = report.Severity ?? category.DefaultSeverity,
        ClusterSize = clusterSize,
        CategoryTimeLimit = category.TimeLimit
            ?? throw new ArgumentException($"category {category.Code} is a class; cases carry subclasses", nameof(category)),
    };

    /// <summary>The table's variables, by the names its input and output expressions use.</summary>
    public IReadOnlyDictionary<string, object?> ToVariables() => new Dictionary<string, object?>
    {
        ["categoryCode"] = CategoryCode,
        ["streetId"] = StreetId,
        ["communityId"] = CommunityId,
        ["channel"] = ChannelCode.Of(Channel),
        ["severity"] = SeverityCode.Of(Severity),
        ["clusterSize"] = ClusterSize,
        ["categoryTimeLimit"] = CategoryTimeLimit.ToString(),
    };
}

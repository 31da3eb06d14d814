namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>Two reports of one category are the same problem when this close in space and time (多人一诉).</summary>
public sealed record ClusteringRule
{
    public ClusteringRule(double radiusMetres, TimeSpan window)
    {
        if (!double.IsFinite(radiusMetres) || radiusMetres is <= 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, "a clustering radius is between 0 and 10 km");
        }

        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "a clustering window must be longer than zero");
        }

        RadiusMetres = radiusMetres;
        Window = window;
    }

    public double RadiusMetres { get; }

    /// <summary>How long after a cluster's latest report another one still joins it.</summary>
    public TimeSpan Window { get; }
}

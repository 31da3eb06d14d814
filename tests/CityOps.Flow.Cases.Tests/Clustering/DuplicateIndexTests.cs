using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Intake.Clustering;

namespace CityOps.Flow.Cases.Tests.Clustering;

public sealed class DuplicateIndexTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint Square = new(31.2304, 121.4737);
    private static readonly ClusteringPolicy FiftyMetresTwoHours = new(new ClusteringRule(50, TimeSpan.FromHours(2)));

    /// <summary>A point <paramref name="north"/> metres north and <paramref name="east"/> metres east of <paramref name="origin"/>.</summary>
    internal static GeoPoint Offset(GeoPoint origin, double north, double east)
    {
        const double metresPerDegree = GeoPoint.EarthRadiusMetres * Math.PI / 180;
        return new GeoPoint(
            origin.Latitude + north / metresPerDegree,
            origin.Longitude + east / (metresPerDegree * Math.Cos(origin.Latitude * Math.PI / 180)));
    }

    [Fact]
    public void First_report_opens_a_case_of_size_one()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);

        var assignment = index.Assign(new ClusterReport("E9001", Square, Nine), "case-1");

        Assert.Equal(new ClusterAssignment("case-1", 1, Opened: true), assignment);
    }

    [Fact]
    public void Second_complaint_nearby_joins_the_open_case_and_raises_its_size()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "case-1");

        var second = index.Assign(new ClusterReport("E9001", Offset(Square, 30, 20), Nine.AddMinutes(40)), "case-2");
        var third = index.Assign(new ClusterReport("E9001", Offset(Square, -10, 0), Nine.AddMinutes(50)), "case-3");

        Assert.Equal(new ClusterAssignment("case-1", 2, Opened: false), second);
        Assert.Equal(3, third.ClusterSize);
        Assert.Equal(1, index.OpenCaseCount);
    }

    [Fact]
    public void Report_just_outside_the_radius_opens_its_own_case()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "case-1");

        var inside = index.Assign(new ClusterReport("E9001", Offset(Square, 0, 49), Nine), "case-2");
        var outside = index.Assign(new ClusterReport("E9001", Offset(Square, 0, -51), Nine), "case-3");

        Assert.True(inside.Joined);
        Assert.True(outside.Opened);
    }

    [Fact]
    public void Same_place_but_another_category_is_another_problem()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "noise");

        var rubbish = index.Assign(new ClusterReport("E0101", Square, Nine), "rubbish");

        Assert.True(rubbish.Opened);
    }

    [Fact]
    public void Report_after_the_window_since_the_latest_report_opens_a_new_case()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "case-1");
        index.Assign(new ClusterReport("E9001", Square, Nine.AddHours(1.5)), "unused");

        var stillInWindow = index.Assign(new ClusterReport("E9001", Square, Nine.AddHours(3)), "unused-2");
        var afterWindow = index.Assign(new ClusterReport("E9001", Square, Nine.AddHours(5.1)), "case-2");

        Assert.Equal("case-1", stillInWindow.CaseId);
        Assert.Equal(new ClusterAssignment("case-2", 1, Opened: true), afterWindow);
    }

    [Fact]
    public void Late_arriving_report_from_before_the_case_still_joins_within_the_window()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E0501", Square, Nine), "case-1");

        var late = index.Assign(new ClusterReport("E0501", Square, Nine.AddMinutes(-30)), "case-2");

        Assert.Equal("case-1", late.CaseId);
        Assert.Equal(Nine.AddMinutes(-30), index.Find("case-1")!.FirstReportAt);
    }

    [Fact]
    public void Report_between_two_open_cases_joins_the_nearer()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E0101", Square, Nine), "west");
        index.Assign(new ClusterReport("E0101", Offset(Square, 0, 80), Nine), "east");

        var between = index.Assign(new ClusterReport("E0101", Offset(Square, 0, 45), Nine), "unused");

        Assert.Equal("east", between.CaseId);
    }

    [Fact]
    public void Closed_case_absorbs_nothing_more()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("0101", Square, Nine), "case-1");

        Assert.True(index.Close("case-1"));
        var after = index.Assign(new ClusterReport("0101", Square, Nine.AddMinutes(5)), "case-2");

        Assert.True(after.Opened);
        Assert.False(index.Close("case-1"));
    }

    [Fact]
    public void Merging_cases_adds_their_cluster_sizes()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "a");
        index.Assign(new ClusterReport("E9001", Square, Nine), "unused");
        index.Assign(new ClusterReport("E9001", Offset(Square, 200, 0), Nine.AddMinutes(10)), "b");

        var merged = index.Merge("b", "a");

        Assert.Equal(3, merged!.Size);
        Assert.Equal(Nine.AddMinutes(10), merged.LastReportAt);
        Assert.Null(index.Find("b"));
        Assert.Null(index.Merge("b", "a"));
    }

    [Fact]
    public void Index_rebuilt_from_a_snapshot_decides_as_the_original()
    {
        var original = new DuplicateIndex(FiftyMetresTwoHours);
        original.Assign(new ClusterReport("E9001", Square, Nine), "case-1");
        original.Assign(new ClusterReport("E9001", Square, Nine.AddMinutes(1)), "unused");

        var rebuilt = new DuplicateIndex(FiftyMetresTwoHours, original.Snapshot());
        var next = new ClusterReport("E9001", Offset(Square, 20, 20), Nine.AddMinutes(2));

        Assert.Equal(original.Assign(next, "x"), rebuilt.Assign(next, "x"));
        Assert.Equal(3, rebuilt.Find("case-1")!.Size);
    }

    [Fact]
    public void Expired_cases_are_evicted_and_then_absorb_nothing()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        index.Assign(new ClusterReport("E9001", Square, Nine), "old");
        index.Assign(new ClusterReport("E9001", Offset(Square, 500, 0), Nine.AddHours(2)), "recent");

        var evicted = index.EvictExpired(Nine.AddHours(3));

        Assert.Equal(["old"], evicted);
        Assert.Equal(["recent"], index.Snapshot().Select(c => c.CaseId));
    }

    [Fact]
    public void Category_override_widens_the_radius_for_that_category_only()
    {
        var policy = new ClusteringPolicy(
            new ClusteringRule(50, TimeSpan.FromHours(2)),
            new Dictionary<string, ClusteringRule> { ["E04"] = new(300, TimeSpan.FromHours(6)) });
        var index = new DuplicateIndex(policy);
        index.Assign(new ClusterReport("E0402", Square, Nine), "flood");
        index.Assign(new ClusterReport("E9001", Square, Nine), "noise");

        Assert.Equal("flood", index.Assign(new ClusterReport("E0402", Offset(Square, 250, 0), Nine.AddHours(5)), "x").CaseId);
        Assert.True(index.Assign(new ClusterReport("E9001", Offset(Square, 250, 0), Nine), "y").Opened);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(31.2)]
    [InlineData(60.0)]
    [InlineData(-45.0)]
    public void Reports_straddling_grid_cells_still_join_at_any_latitude(double latitude)
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);
        var origin = new GeoPoint(latitude, 121.4737);
        index.Assign(new ClusterReport("E0101", origin, Nine), "case-1");

        foreach (var (north, east) in new[] { (0.0, 49.0), (0.0, -49.0), (49.0, 0.0), (-49.0, 0.0), (34.0, 34.0), (-34.0, -34.0) })
        {
            var assignment = index.Assign(new ClusterReport("E0101", Offset(origin, north, east), Nine), $"n{north}e{east}");
            Assert.True(assignment.Joined, $"{north} m north, {east} m east at latitude {latitude}");
        }
    }

    [Fact]
    public void Concurrent_reports_from_many_threads_are_all_counted()
    {
        var index = new DuplicateIndex(FiftyMetresTwoHours);

        Parallel.For(0, 2000, i => index.Assign(new ClusterReport("E0503", Offset(Square, i % 10, 0), Nine), $"case-{i}"));

        var only = Assert.Single(index.Snapshot());
        Assert.Equal(2000, only.Size);
    }

    [Fact]
    public void Radius_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusteringRule(0, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusteringRule(50, TimeSpan.Zero));
    }

    [Fact]
    public void Report_is_clustered_by_when_it_happened_and_address_only_reports_wait_for_geocoding()
    {
        var alarm = CityOps.Flow.Cases.Tests.Intake.SampleReports.VideoAlarm();
        var call = CityOps.Flow.Cases.Tests.Intake.SampleReports.Hotline();

        Assert.Equal(new ClusterReport("E0501", alarm.Location.Point!.Value, alarm.OccurredAt!.Value), ClusterReport.From(alarm));
        Assert.Equal(alarm.ReceivedAt, ClusterReport.From(alarm with { OccurredAt = null })!.Value.At);
        Assert.Null(ClusterReport.From(call));
    }
}

namespace CityOps.Flow.Cases.Intake.Clustering;

/// <summary>
/// The in-memory spatial-temporal index of open cases that intake keeps per node (多人一诉): a report of the same
/// category within the rule's radius and time window of an open case joins it (the nearest one) and raises its cluster
/// size; otherwise it opens a new case. Cases sit in grid buckets per category whose cells are one radius wide, so a
/// lookup reads a handful of cells whatever the number of open cases. Thread-safe; rebuild it from storage on start.
/// </summary>
public sealed class DuplicateIndex
{
    private const double MetresPerDegreeLatitude = GeoPoint.EarthRadiusMetres * Math.PI / 180;

    private readonly ClusteringPolicy _policy;
    private readonly Dictionary<string, CategoryGrid> _grids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cluster> _byCase = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DuplicateIndex(ClusteringPolicy policy, IEnumerable<OpenCluster>? openCases = null)
    {
        _policy = policy;
        foreach (var open in openCases ?? [])
        {
            Open(open);
        }
    }

    public int OpenCaseCount
    {
        get
        {
            lock (_lock)
            {
                return _byCase.Count;
            }
        }
    }

    /// <summary>
    /// Joins the report to the nearest matching open case, or opens a case under <paramref name="caseIdIfNew"/>
    /// (allocated by the caller, so the index stays free of id generation).
    /// </summary>
    public ClusterAssignment Assign(ClusterReport report, string caseIdIfNew)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseIdIfNew);
        lock (_lock)
        {
            var grid = GridFor(report.CategoryCode);
            if (grid.Nearest(report) is { } match)
            {
                match.Absorb(report.At);
                return new ClusterAssignment(match.CaseId, match.Size, Opened: false);
            }

            if (_byCase.ContainsKey(caseIdIfNew))
            {
                throw new InvalidOperationException($"case {caseIdIfNew} is already in the duplicate index");
            }

            var opened = new Cluster(caseIdIfNew, report.CategoryCode, report.Point, report.At, report.At, 1);
            grid.Add(opened);
            _byCase.Add(opened.CaseId, opened);
            return new ClusterAssignment(opened.CaseId, 1, Opened: true);
        }
    }

    /// <summary>Registers an open case (a rebuilt one, or one an operator filed by hand) so later reports can join it.</summary>
    public void Open(OpenCluster open)
    {
        lock (_lock)
        {
            if (_byCase.ContainsKey(open.CaseId))
            {
                throw new InvalidOperationException($"case {open.CaseId} is already in the duplicate index");
            }

            var cluster = new Cluster(open.CaseId, open.CategoryCode, open.Point, open.FirstReportAt, open.LastReportAt, open.Size);
            GridFor(open.CategoryCode).Add(cluster);
            _byCase.Add(cluster.CaseId, cluster);
        }
    }

    /// <summary>Takes a case out of the index (closed, cancelled, merged): later reports open a new case. False when unknown.</summary>
    public bool Close(string caseId)
    {
        lock (_lock)
        {
            if (!_byCase.Remove(caseId, out var cluster))
            {
                return false;
            }

            _grids[cluster.CategoryCode].Remove(cluster);
            return true;
        }
    }

    /// <summary>A dispatcher merged <paramref name="fromCaseId"/> into <paramref name="intoCaseId"/>: sizes add up. Null when either is unknown.</summary>
    public OpenCluster? Merge(string fromCaseId, string intoCaseId)
    {
        lock (_lock)
        {
            if (fromCaseId == intoCaseId || !_byCase.TryGetValue(fromCaseId, out var from) || !_byCase.TryGetValue(intoCaseId, out var into))
            {
                return null;
            }

            into.Take(from);
            _byCase.Remove(fromCaseId);
            _grids[from.CategoryCode].Remove(from);
            return into.ToOpenCluster();
        }
    }

    /// <summary>
    /// Drops cases whose window has passed at <paramref name="now"/>: they stay open as cases but can no longer absorb
    /// reports, so memory stays bounded through alarm storms. Returns the dropped case ids.
    /// </summary>
    public IReadOnlyList<string> EvictExpired(DateTimeOffset now)
    {
        lock (_lock)
        {
            var expired = _byCase.Values
                .Where(c => c.LastReportAt + _policy.For(c.CategoryCode).Window < now)
                .ToList();
            foreach (var cluster in expired)
            {
                _byCase.Remove(cluster.CaseId);
                _grids[cluster.CategoryCode].Remove(cluster);
            }

            return [.. expired.Select(c => c.CaseId)];
        }
    }

    public OpenCluster? Find(string caseId)
    {
        lock (_lock)
        {
            return _byCase.GetValueOrDefault(caseId)?.ToOpenCluster();
        }
    }

    /// <summary>Every open case in the index, for persisting cluster sizes or inspecting the index.</summary>
    public IReadOnlyList<OpenCluster> Snapshot()
    {
        lock (_lock)
        {
            return [.. _byCase.Values.Select(c => c.ToOpenCluster())];
        }
    }

    private CategoryGrid GridFor(string categoryCode)
    {
        if (!_grids.TryGetValue(categoryCode, out var grid))
        {
            grid = new CategoryGrid(_policy.For(categoryCode));
            _grids.Add(categoryCode, grid);
        }

        return grid;
    }

    private sealed class Cluster(string caseId, string categoryCode, GeoPoint point, DateTimeOffset first, DateTimeOffset last, int size)
    {
        public string CaseId { get; } = caseId;

        public string CategoryCode { get; } = categoryCode;

        public GeoPoint Point { get; } = point;

        public DateTimeOffset FirstReportAt { get; private set; } = first;

        public DateTimeOffset LastReportAt { get; private set; } = last;

        public int Size { get; private set; } = size;

        public (int Lat, int Lon) Cell { get; set; }

        public void Absorb(DateTimeOffset at)
        {
            Size++;
            if (at > LastReportAt)
            {
                LastReportAt = at;
            }

            if (at < FirstReportAt)
            {
                FirstReportAt = at;
            }
        }

        public void Take(Cluster other)
        {
            Size += other.Size;
            LastReportAt = LastReportAt > other.LastReportAt ? LastReportAt : other.LastReportAt;
            FirstReportAt = FirstReportAt < other.FirstReportAt ? FirstReportAt : other.FirstReportAt;
        }

        public OpenCluster ToOpenCluster() => new(CaseId, CategoryCode, Point, FirstReportAt, LastReportAt, Size);
    }

    /// <summary>One category's open cases in square cells of one radius (in degrees of latitude) per side.</summary>
    private sealed class CategoryGrid(ClusteringRule rule)
    {
        private readonly double _cellDegrees = rule.RadiusMetres / MetresPerDegreeLatitude;
        private readonly Dictionary<(int Lat, int Lon), List<Cluster>> _cells = [];

        public void Add(Cluster cluster)
        {
            cluster.Cell = CellOf(cluster.Point);
            if (!_cells.TryGetValue(cluster.Cell, out var bucket))
            {
                bucket = [];
                _cells.Add(cluster.Cell, bucket);
            }

            bucket.Add(cluster);
        }

        public void Remove(Cluster cluster)
        {
            if (_cells.TryGetValue(cluster.Cell, out var bucket) && bucket.Remove(cluster) && bucket.Count == 0)
            {
                _cells.Remove(cluster.Cell);
            }
        }

        public Cluster? Nearest(ClusterReport report)
        {
            var (latCell, lonCell) = CellOf(report.Point);

            // A cell is one radius tall everywhere but narrower in metres away from the equator, so more cells east and
            // west must be read; near the poles the longitude span is capped (a full turn is at most 360 degrees).
            var bandLatitude = Math.Min(89.9, Math.Abs(report.Point.Latitude) + _cellDegrees);
            var lonReach = (int)Math.Min(Math.Ceiling(1 / Math.Cos(bandLatitude * Math.PI / 180)), 180 / _cellDegrees + 1);

            Cluster? best = null;
            var bestDistance = double.MaxValue;
            for (var lat = latCell - 1; lat <= latCell + 1; lat++)
            {
                for (var lon = lonCell - lonReach; lon <= lonCell + lonReach; lon++)
                {
                    if (!_cells.TryGetValue((lat, lon), out var bucket))
                    {
                        continue;
                    }

                    foreach (var cluster in bucket)
                    {
                        if (report.At > cluster.LastReportAt + rule.Window || report.At < cluster.FirstReportAt - rule.Window)
                        {
                            continue;
                        }

                        var distance = report.Point.DistanceMetresTo(cluster.Point);
                        if (distance <= rule.RadiusMetres && distance < bestDistance)
                        {
                            best = cluster;
                            bestDistance = distance;
                        }
                    }
                }
            }

            return best;
        }

        private (int Lat, int Lon) CellOf(GeoPoint point) =>
            ((int)Math.Floor(point.Latitude / _cellDegrees), (int)Math.Floor(point.Longitude / _cellDegrees));
    }
}

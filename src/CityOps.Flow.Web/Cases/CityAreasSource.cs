using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Reads the area tree once, on first use (after start-up seeded it); the tree changes with reorganisations, which a
/// restart picks up.
/// </summary>
public sealed class CityAreasSource(OrgRepository org, ILogger<CityAreasSource> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CityAreas? _areas;

    public async ValueTask<CityAreas> GetAsync(CancellationToken ct = default)
    {
        if (_areas is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_areas is null)
            {
                var areas = new CityAreas(await org.ListAreasAsync(ct));
                foreach (var problem in areas.BoundaryProblems)
                {
                    log.LogWarning("Area tree: {Problem}", problem);
                }

                _areas = areas;
            }

            return _areas;
        }
        finally
        {
            _gate.Release();
        }
    }
}

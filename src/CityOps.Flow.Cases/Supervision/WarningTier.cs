namespace CityOps.Flow.Cases.Supervision;

/// <summary>How close a case is to its limit: yellow (tier 1), orange (2), red (3), overdue with 督办 (4).</summary>
public enum WarningTier
{
    None = 0,
    Yellow = 1,
    Orange = 2,
    Red = 3,
    Overdue = 4,
}

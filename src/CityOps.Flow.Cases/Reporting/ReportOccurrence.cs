namespace CityOps.Flow.Cases.Reporting;

/// <summary>One report counted for hotspot detection: where, what, when. Count every report, duplicates included: a crowd is a signal.</summary>
public readonly record struct ReportOccurrence(string AreaId, string CategoryCode, DateTimeOffset At);

namespace CityOps.Flow.Storage;

/// <summary>A stored supervision notice with its id and the number of the case it concerns, for notice lists.</summary>
public sealed record SupervisionNoticeEntry(long Id, string CaseNumber, SupervisionNotice Notice);

namespace CityOps.Flow.Cases.Org;

/// <summary>A gazetteer read from its file, or every problem that stopped it.</summary>
public sealed record GazetteerReading(Gazetteer? Gazetteer, IReadOnlyList<string> Problems);

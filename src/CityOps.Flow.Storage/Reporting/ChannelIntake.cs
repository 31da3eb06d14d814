namespace CityOps.Flow.Storage;

/// <summary>How many reports a channel brought in, duplicates joined to open cases included, and how many cases they opened.</summary>
public sealed record ChannelIntake(string Channel, int Reports, int CasesOpened);

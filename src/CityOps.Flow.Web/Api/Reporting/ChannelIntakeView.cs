namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>Reports received through a channel (duplicates included) and the cases they opened.</summary>
public sealed record ChannelIntakeView(string Channel, int Reports, int CasesOpened);

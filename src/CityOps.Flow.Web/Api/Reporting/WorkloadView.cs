namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>What came in during a window, by channel, and what is open and overdue now.</summary>
public sealed record WorkloadView(KpiWindowView Window, DateTimeOffset AsOf, int Reports, int CasesOpened, int Open, int Overdue, IReadOnlyList<ChannelIntakeView> Intake);

namespace CityOps.Flow.Web.Api.Reporting;

/// <summary>The figures of one department, street, community, category or channel, with its cases open and overdue now.</summary>
public sealed record KpiGroupView(string Key, string Name, KpiFiguresView Figures, int Open, int Overdue);

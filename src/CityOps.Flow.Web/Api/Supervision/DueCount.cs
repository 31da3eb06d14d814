namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>Near-due and overdue counts of one department or street on the board; <see cref="Id"/> null for cases with none.</summary>
public sealed record DueCount(string? Id, string? Name, int NearDue, int Overdue)
{
    public int Total => NearDue + Overdue;
}

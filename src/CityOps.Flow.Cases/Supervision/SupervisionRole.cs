namespace CityOps.Flow.Cases.Supervision;

/// <summary>Who a warning goes to, from the person doing the work up to the district's leadership.</summary>
public enum SupervisionRole
{
    Handler,
    SectionChief,
    DepartmentLeader,
    DistrictLeader,
}

namespace CityOps.Flow.Storage;

/// <summary>
/// The cases a caller may see: those in any of <see cref="AreaIds"/> (street, community or grid) or led by any of
/// <see cref="DepartmentIds"/>. An empty scope sees nothing; there is deliberately no "everything" value.
/// </summary>
public sealed record DataScope(IReadOnlyCollection<string> AreaIds, IReadOnlyCollection<string> DepartmentIds)
{
    public static DataScope ForAreas(params string[] areaIds) => new(areaIds, []);

    public static DataScope ForDepartments(params string[] departmentIds) => new([], departmentIds);

    public bool IsEmpty => AreaIds.Count == 0 && DepartmentIds.Count == 0;
}

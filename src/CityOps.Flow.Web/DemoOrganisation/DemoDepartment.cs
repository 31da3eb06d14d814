using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>A department of the demo organisation, serving the area it belongs to.</summary>
public sealed record DemoDepartment(string Id, string Name, string NameEn, string AreaId, DepartmentLevel Level);

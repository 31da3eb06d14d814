namespace CityOps.Flow.Web.DemoOrganisation;

/// <summary>
/// Configuration section <c>CityOps</c>: <c>CityOps:DemoOrganisationFile</c> (default: samples/demo-district.json
/// beside the binaries), <c>CityOps:SeedDemoOrganisation</c> (default true) and <c>CityOps:DemoPassword</c>, which
/// replaces every demo password from the file when set (environment: <c>CityOps__DemoPassword</c>).
/// </summary>
public sealed class DemoOrganisationOptions
{
    public const string Section = "CityOps";

    public string DemoOrganisationFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples", "demo-district.json");

    public bool SeedDemoOrganisation { get; set; } = true;

    public string? DemoPassword { get; set; }
}

using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Storage.Tests.Databases;

namespace CityOps.Flow.Storage.Tests.Cases;

/// <summary>A migrated database with a case repository, and reports from two streets of Pudong to file into it.</summary>
internal sealed class CaseScenario
{
    public const string Lujiazui = "310115004";
    public const string LujiazuiCommunity = "310115004001";
    public const string Huamu = "310115013";
    public const string UrbanManagement = "D-310115-CG";
    public const string WaterAffairs = "D-310115-SW";

    public static readonly DateTimeOffset Morning = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));

    private CaseScenario(IDbConnectionFactory database)
    {
        Database = database;
        Cases = new CaseRepository(database);
    }

    public IDbConnectionFactory Database { get; }

    public CaseRepository Cases { get; }

    public static async Task<CaseScenario> CreateAsync(TestDatabases databases, SqlDialect dialect)
    {
        var database = await databases.EmptyAsync(dialect);
        await TestDatabases.Runner(database).ApplyAsync();
        return new CaseScenario(database);
    }

    public static IntakeReport Report(string sourceId, string description, DateTimeOffset receivedAt, Channel channel = Channel.GridInspector,
        string categoryCode = "0101", string? address = null, GeoPoint? point = null) => new()
    {
        Channel = channel,
        SourceId = sourceId,
        CategoryCode = categoryCode,
        Description = description,
        Location = new ReportLocation { Point = point ?? new GeoPoint(31.2301, 121.5231), Address = address ?? "浦东新区陆家嘴环路1000号" },
        Reporter = new Reporter { Name = "张三丰", Phone = PhoneNumber.Parse("138 1234 5678") },
        ReceivedAt = receivedAt,
    };

    /// <summary>Records the report and opens a case for it in <paramref name="streetId"/>.</summary>
    public async Task<CaseRecord> OpenAsync(IntakeReport report, string streetId, string? departmentId = null, string? communityId = null)
    {
        var recorded = await Cases.RecordReportAsync(report);
        return await Cases.OpenCaseAsync(recorded.ReportId, new CaseOpening
        {
            CaseId = "case-" + report.SourceId,
            StreetId = streetId,
            CommunityId = communityId,
            Severity = Severity.Normal,
            OpenedAt = report.ReceivedAt,
            LeadDepartmentId = departmentId,
            DueAt = report.ReceivedAt.AddHours(4),
        });
    }
}

using System.Data.Common;
using System.Globalization;
using CityOps.Flow.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CityOps.Flow.Benchmarks.CaseSearch;

/// <summary>
/// A year of generated cases for the search and page benchmarks: descriptions written from everyday city problems
/// (about one in 10,000 mentions 煤气罐, for a rare keyword), spread evenly over the year before <c>end</c>; cases
/// older than 30 days are mostly closed. Seeded, so every run generates the same cases.
/// </summary>
public static class GeneratedCases
{
    public const string RareWord = "煤气罐";

    private static readonly string[] Places = ["人行道", "小区门口", "公交站旁", "十字路口", "河道边", "菜场附近", "学校门口", "地铁站出口", "绿地内", "停车场"];
    private static readonly string[] Objects = ["窨井盖", "路灯", "垃圾桶", "消防栓", "行道树", "护栏", "广告牌", "共享单车", "雨水口", "电线杆", "交通标志", "座椅", "公厕", "围挡", "花坛"];
    private static readonly string[] Problems = ["缺失", "破损", "倾斜", "不亮", "满溢", "堵塞", "占道", "积水", "漏水", "松动"];
    private static readonly string[] Roads = ["世纪大道", "张杨路", "浦东南路", "东方路", "杨高中路", "陆家嘴环路", "福山路", "崂山路", "源深路", "潍坊路"];
    private static readonly string[] Channels = ["hotline", "hotline", "hotline", "grid", "app", "video", "iot", "doorplate"];
    private static readonly string[] OpenStatuses = ["Dispatched", "Handling", "Handling", "JointHandling", "AwaitingReview", "AwaitingCallback", "Reported", "Filed"];
    private static readonly string[] FamilyNames = ["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴"];

    /// <summary>Vocabulary of the descriptions and addresses, for picking search keywords that occur.</summary>
    public static IReadOnlyList<string> ObjectWords => Objects;

    public static IReadOnlyList<string> RoadWords => Roads;

    public static IReadOnlyList<string> ProblemPhrases { get; } = [.. Objects.Take(5).SelectMany(o => Problems.Take(3).Select(p => o + p))];

    /// <summary>By default the year 2026 in Beijing time, which the search benchmarks' month queries assume.</summary>
    public static IEnumerable<GeneratedCase> Generate(int count, CaseDistrict district, DateTimeOffset? end = null)
    {
        var random = new Random(20261121);
        var last = end ?? new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var first = last.AddDays(-365);
        var secondsInYear = 365 * 24 * 3600;
        for (var i = 0; i < count; i++)
        {
            var street = district.Streets[random.Next(district.Streets.Count)];
            var communities = district.CommunitiesByStreet[street];
            var rare = random.Next(10_000) == 0 ? "，楼道堆放" + RareWord : "";
            var opened = first.AddSeconds(random.Next(secondsInYear));
            var due = opened.AddDays(1 + random.Next(5));
            var old = (last - opened).TotalDays > 30;
            var closed = old ? random.Next(100) < 97 : random.Next(100) < 40;
            yield return new GeneratedCase(
                i + 1,
                district.Categories[random.Next(district.Categories.Count)],
                street,
                communities.Count > 0 ? communities[random.Next(communities.Count)] : street,
                district.Departments[random.Next(district.Departments.Count)],
                Places[random.Next(Places.Length)] + Objects[random.Next(Objects.Length)] + Problems[random.Next(Problems.Length)] + rare,
                string.Create(CultureInfo.InvariantCulture, $"浦东新区{Roads[random.Next(Roads.Length)]}{random.Next(1, 2000)}号"),
                opened,
                Channels[random.Next(Channels.Length)],
                closed ? "Closed" : OpenStatuses[random.Next(OpenStatuses.Length)],
                due,
                closed ? opened.AddHours(2 + random.Next(120)) : null,
                FamilyNames[random.Next(FamilyNames.Length)] + "先生",
                string.Create(CultureInfo.InvariantCulture, $"13{random.Next(10)}{random.Next(10_000_000, 99_999_999)}"));
        }
    }

    /// <summary>Inserts the cases and their keyword index rows on SQLite, 50,000 per transaction.</summary>
    public static void LoadSqlite(SqliteConnection connection, IEnumerable<GeneratedCase> generated)
    {
        using var cases = connection.CreateCommand();
        cases.CommandText = """
            INSERT INTO cases (row_id, id, number, category_code, street_id, community_id, channel, severity, status,
                lead_department_id, process_instance_id, description, address, latitude, longitude, reporter_name, reporter_phone,
                reporter_display, opened_at, first_report_at, last_report_at, due_at, first_dispatched_at, closed_at)
            VALUES ($row, $id, $number, $category, $street, $community, $channel, 'normal', $status,
                $department, $instance, $description, $address, 31.05, 121.57, $name, $phone,
                $display, $opened, $opened, $opened, $due, $opened, $closed)
            """;
        var names = new[] { "$row", "$id", "$number", "$category", "$street", "$community", "$channel", "$status", "$department", "$instance",
            "$description", "$address", "$name", "$phone", "$display", "$opened", "$due", "$closed" };
        foreach (var name in names)
        {
            cases.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        using var search = connection.CreateCommand();
        search.CommandText = "INSERT INTO case_search (rowid, terms) VALUES ($row, $terms)";
        search.Parameters.Add(new SqliteParameter { ParameterName = "$row" });
        search.Parameters.Add(new SqliteParameter { ParameterName = "$terms" });

        DbTransaction? transaction = null;
        var inTransaction = 0;
        foreach (var c in generated)
        {
            if (transaction is null || inTransaction == 50_000)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                cases.Transaction = (SqliteTransaction)transaction;
                search.Transaction = (SqliteTransaction)transaction;
                inTransaction = 0;
            }

            object?[] values =
            [
                c.RowId, c.Id, Number(c), c.CategoryCode, c.StreetId, c.CommunityId, c.Channel, c.Status, c.DepartmentId,
                c.ProcessInstanceId, c.Description, c.Address, c.ReporterName, c.ReporterPhone, c.ReporterDisplay,
                SqliteInstant(c.OpenedAt), SqliteInstant(c.DueAt), c.ClosedAt is { } closed ? SqliteInstant(closed) : null,
            ];
            for (var p = 0; p < values.Length; p++)
            {
                cases.Parameters[p].Value = values[p] ?? DBNull.Value;
            }

            cases.ExecuteNonQuery();
            search.Parameters[0].Value = c.RowId;
            search.Parameters[1].Value = string.Join(' ', CaseSearchTerms.Of(c.Description + " " + c.Address));
            search.ExecuteNonQuery();
            inTransaction++;
        }

        transaction?.Commit();
    }

    /// <summary>Inserts the cases with their keyword terms on PostgreSQL, 10,000 per statement.</summary>
    public static void LoadPostgres(DbConnection connection, IEnumerable<GeneratedCase> generated)
    {
        foreach (var batch in generated.Chunk(10_000))
        {
            connection.Execute(
                """
                INSERT INTO cases (row_id, id, number, category_code, street_id, community_id, channel, severity, status,
                    lead_department_id, description, address, latitude, longitude, opened_at, first_report_at, last_report_at,
                    due_at, closed_at, search_terms)
                SELECT r, 'c-' || r, n, cat, street, comm, chan, 'normal', st, dept, descr, addr, 31.05, 121.57,
                    opened, opened, opened, due, closed, string_to_array(terms, ' ')
                FROM unnest(@Rows, @Numbers, @Categories, @Streets, @Communities, @Channels, @Statuses, @Departments, @Descriptions,
                    @Addresses, @Opened, @Due, @Closed, @Terms)
                    AS t(r, n, cat, street, comm, chan, st, dept, descr, addr, opened, due, closed, terms)
                """,
                new
                {
                    Rows = batch.Select(c => c.RowId).ToArray(),
                    Numbers = batch.Select(Number).ToArray(),
                    Categories = batch.Select(c => c.CategoryCode).ToArray(),
                    Streets = batch.Select(c => c.StreetId).ToArray(),
                    Communities = batch.Select(c => c.CommunityId).ToArray(),
                    Channels = batch.Select(c => c.Channel).ToArray(),
                    Statuses = batch.Select(c => c.Status).ToArray(),
                    Departments = batch.Select(c => c.DepartmentId).ToArray(),
                    Descriptions = batch.Select(c => c.Description).ToArray(),
                    Addresses = batch.Select(c => c.Address).ToArray(),
                    Opened = batch.Select(c => c.OpenedAt.UtcDateTime).ToArray(),
                    Due = batch.Select(c => c.DueAt.UtcDateTime).ToArray(),
                    Closed = batch.Select(c => c.ClosedAt?.UtcDateTime).ToArray(),
                    Terms = batch.Select(c => string.Join(' ', CaseSearchTerms.Of(c.Description + " " + c.Address))).ToArray(),
                });
        }
    }

    public static string Number(GeneratedCase generated) =>
        CaseNumber.Format(CaseNumber.DayOf(generated.OpenedAt), generated.RowId);

    /// <summary>The fixed-width UTC text the SQLite store writes, so text order is time order.</summary>
    public static string SqliteInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using CityOps.Flow.Cases.Intake;
using CsvHelper;

namespace CityOps.Flow.Cases.Tests.Clustering;

/// <summary>The 9,989 real Los Angeles 311 requests of January 2020 (shared test data), as (type, place, time).</summary>
internal static class LosAngeles311
{
    public sealed record Request(string Id, string TypeId, string CouncilId, GeoPoint Point, DateTimeOffset CreatedAt);

    private static readonly Lazy<IReadOnlyList<Request>> January2020Requests = new(Load);

    public static IReadOnlyList<Request> January2020 => January2020Requests.Value;

    private static IReadOnlyList<Request> Load()
    {
        using var reader = new StreamReader(RepositoryFiles.SharedData("311/hackforla_service_requests.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var losAngeles = TimeSpan.FromHours(-8);
        var requests = new List<Request>();
        while (csv.Read())
        {
            var created = DateTime.ParseExact(csv.GetField("created_date")!, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
            requests.Add(new Request(
                csv.GetField("request_id")!,
                csv.GetField("type_id")!,
                csv.GetField("council_id")!,
                new GeoPoint(double.Parse(csv.GetField("latitude")!, CultureInfo.InvariantCulture), double.Parse(csv.GetField("longitude")!, CultureInfo.InvariantCulture)),
                new DateTimeOffset(created, losAngeles)));
        }

        return requests;
    }
}

using System.Net;
using System.Net.Http.Json;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Durable;
using static CityOps.Flow.Web.Tests.Supervision.SupervisedDistrict;

namespace CityOps.Flow.Web.Tests.Supervision;

/// <summary>The supervision board, a notice and the street scope on PostgreSQL, when <c>CITYOPS_TEST_POSTGRES</c> names a server.</summary>
public sealed class SupervisionPostgresTests
{
    [PostgresFact]
    public async Task An_overdue_case_is_supervised_on_PostgreSQL_and_a_street_A_supervisor_sees_nothing_of_street_B()
    {
        await using var district = await OnPostgresAsync();
        var operatorApi = await district.SignInAsync("operator", "Operator#2026");
        var supervisor = await district.SignInAsync("supervisor", "Supervisor#2026");
        var inA = await district.FileLampAsync(operatorApi, "pg-a", StreetA);
        var inB = await district.FileLampAsync(operatorApi, "pg-b", StreetB);
        await district.CreateUserAsync("street-a-supervisor", CityRoles.Supervisor, StreetAId);
        var streetA = await district.SignInAsync("street-a-supervisor");
        await district.MoveToAsync(Monday.AddDays(3).AddHours(1));

        var board = await GetJsonAsync(supervisor, "/api/supervision/board");
        Assert.Equal(2, board.GetProperty("overdue").GetInt32());
        Assert.All(board.GetProperty("cases").EnumerateArray(), c => Assert.Equal(-60, c.GetProperty("workingMinutesLeft").GetInt64()));
        await PostJsonAsync(supervisor, $"/api/cases/{inB.Id}/supervision-notices", new { message = "请加快处置" }, HttpStatusCode.Created);
        Assert.Equal(inB.Number, Assert.Single((await GetJsonAsync(supervisor, "/api/supervision/board")).GetProperty("escalations").EnumerateArray()).GetProperty("caseNumber").GetString());

        var seenByA = await GetJsonAsync(streetA, "/api/supervision/board");
        Assert.Equal(inA.Number, Assert.Single(seenByA.GetProperty("cases").EnumerateArray()).GetProperty("number").GetString());
        Assert.Empty(seenByA.GetProperty("escalations").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.GetAsync($"/api/cases/{inB.Id}/supervision-notices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.PostAsJsonAsync($"/api/cases/{inB.Id}/supervision-notices", new { message = "越权督办" })).StatusCode);
    }
}

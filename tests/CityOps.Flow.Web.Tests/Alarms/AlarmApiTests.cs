using System.Net;
using System.Text.Json;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Alarms;

/// <summary>Machines posting alarms through the real host: keys, limits, batches, retries, clustering and storms.</summary>
public sealed class AlarmApiTests : IAsyncLifetime
{
    // Jiangyue Community (江月社区) of Pujiang Street in the demo district.
    private const double Latitude = 31.052;
    private const double Longitude = 121.579;

    private readonly PortalHost host = new(settings: AlarmClient.Settings(iotPermitsPerMinute: 3));
    private AlarmClient videoBox = null!;

    public Task InitializeAsync()
    {
        videoBox = AlarmClient.For(host, AlarmClient.VideoBoxKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task A_video_alarm_opens_a_case_and_one_20_metres_away_joins_it()
    {
        var first = await videoBox.PostAsync(AlarmClient.VideoAlarm("cam-0042-0001", Latitude, Longitude), HttpStatusCode.Created);
        var second = await videoBox.PostAsync(AlarmClient.VideoAlarm("cam-0042-0002", Latitude + 0.00018, Longitude), HttpStatusCode.OK);

        Assert.Equal("cam-0042-0001", first.GetProperty("sourceId").GetString());
        Assert.Equal("opened", first.GetProperty("outcome").GetString());
        Assert.Equal(1, first.GetProperty("clusterSize").GetInt32());
        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.Matches(@"^PJ-\d{8}-\d{6}$", first.GetProperty("caseNumber").GetString());
        Assert.Equal("joined", second.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("caseId").GetString(), second.GetProperty("caseId").GetString());
        Assert.Equal(2, second.GetProperty("clusterSize").GetInt32());
        var everything = (await host.Services.GetRequiredService<CityAreasSource>().GetAsync()).Everything;
        var stored = (await host.Services.GetRequiredService<CaseRepository>().GetAsync(first.GetProperty("caseId").GetString()!, everything))!;
        Assert.Equal(CityOps.Flow.Cases.Intake.Channel.VideoAlarm, stored.Channel);
        Assert.Equal("310199001", stored.StreetId);
        Assert.NotNull(stored.ProcessInstanceId);
        var timeline = await host.Services.GetRequiredService<CaseRepository>().GetEventsAsync(stored.Id, everything);
        Assert.Equal("video:video-box:cam-0042-0002", Assert.Single(timeline, e => e.Kind == CaseEventKind.ReportJoined).Note);
    }

    [Fact]
    public async Task A_retried_alarm_creates_nothing_and_gets_its_first_answer_again()
    {
        var alarm = AlarmClient.VideoAlarm("cam-0042-0100", Latitude, Longitude);
        var first = await videoBox.PostAsync(alarm);
        var firstBody = await CaseApiClient.ExpectAsync(first, HttpStatusCode.Created);
        await videoBox.PostAsync(AlarmClient.VideoAlarm("cam-0042-0101", Latitude, Longitude), HttpStatusCode.OK);

        var retry = await videoBox.PostAsync(alarm);
        var retryBody = await CaseApiClient.ExpectAsync(retry, HttpStatusCode.Created);

        Assert.True(retryBody.GetProperty("replayed").GetBoolean());
        foreach (var field in new[] { "sourceId", "outcome", "caseId", "caseNumber" })
        {
            Assert.Equal(firstBody.GetProperty(field).GetString(), retryBody.GetProperty(field).GetString());
        }

        Assert.Equal(1, retryBody.GetProperty("clusterSize").GetInt32());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM case_reports"));
        Assert.Equal(2, await ScalarAsync("SELECT cluster_size FROM cases"));
    }

    [Fact]
    public async Task A_batch_is_answered_alarm_by_alarm_in_order_with_its_counts()
    {
        var batch = new List<object>();
        for (var i = 0; i < 30; i++)
        {
            // Three places 300 m apart, ten alarms each.
            batch.Add(AlarmClient.VideoAlarm($"cam-batch-{i:D2}", Latitude - (i % 3) * 0.0027, Longitude));
        }

        batch.Add(AlarmClient.VideoAlarm("cam-batch-04", Latitude, Longitude));

        var answer = await videoBox.PostAsync(batch, HttpStatusCode.OK);

        Assert.Equal(31, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(3, answer.GetProperty("opened").GetInt32());
        Assert.Equal(27, answer.GetProperty("joined").GetInt32());
        Assert.Equal(1, answer.GetProperty("replayed").GetInt32());
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(batch.Count, items.Count);
        Assert.Equal("cam-batch-00", items[0].GetProperty("sourceId").GetString());
        Assert.Equal(10, items[27].GetProperty("clusterSize").GetInt32());
        Assert.Equal(items[4].GetProperty("caseId").GetString(), items[30].GetProperty("caseId").GetString());
        Assert.True(items[30].GetProperty("replayed").GetBoolean());
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM cases"));
        Assert.Equal(30, await ScalarAsync("SELECT SUM(cluster_size) FROM cases"));
    }

    [Fact]
    public async Task A_batch_with_bad_alarms_is_refused_whole_with_problems_naming_each_field()
    {
        var wrongCategory = AlarmClient.VideoAlarm("cam-bad-1", Latitude, Longitude, category: "E05");
        var hotline = AlarmClient.VideoAlarm("cam-bad-2", Latitude, Longitude);
        hotline["channel"] = "hotline";
        var nowhere = AlarmClient.VideoAlarm("cam-bad-3", Latitude, Longitude);
        nowhere.Remove("location");
        var unsure = AlarmClient.VideoAlarm("cam-bad-4", Latitude, Longitude);
        unsure["details"] = new { kind = "video", cameraId = "cam-0042", algorithm = "street-vending/2.3", confidence = 1.7 };

        var response = await videoBox.PostAsync(new object[] { AlarmClient.VideoAlarm("cam-good", Latitude, Longitude), wrongCategory, hotline, nowhere, unsure });
        var single = await videoBox.PostAsync(wrongCategory);

        var problem = await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].categoryCode", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("[2].channel", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("[3].location", out _), errors.ToString());
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("[4].details", StringComparison.Ordinal));
        Assert.False(errors.TryGetProperty("[0].categoryCode", out _));
        var singleProblem = await CaseApiClient.ExpectAsync(single, HttpStatusCode.BadRequest);
        Assert.True(singleProblem.GetProperty("errors").TryGetProperty("categoryCode", out _), singleProblem.ToString());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM case_reports"));
    }

    [Fact]
    public async Task A_missing_or_unknown_key_is_refused_with_401_and_stores_nothing()
    {
        var missing = await AlarmClient.For(host, null).PostAsync(AlarmClient.VideoAlarm("cam-1", Latitude, Longitude));
        var unknown = await AlarmClient.For(host, "not-a-key").PostAsync(AlarmClient.VideoAlarm("cam-1", Latitude, Longitude));

        var problem = await CaseApiClient.ExpectAsync(missing, HttpStatusCode.Unauthorized);
        await CaseApiClient.ExpectAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM case_reports"));
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_while_another_client_goes_on()
    {
        var iot = AlarmClient.For(host, AlarmClient.IotKey);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await iot.PostAsync(AlarmClient.TiltAlarm($"tilt-17-{i}", Latitude, Longitude))).IsSuccessStatusCode);
        }

        var refused = await iot.PostAsync(AlarmClient.TiltAlarm("tilt-17-3", Latitude, Longitude));
        var other = await videoBox.PostAsync(AlarmClient.VideoAlarm("cam-0042-0500", Latitude, Longitude));

        var problem = await CaseApiClient.ExpectAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("iot-platform", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM case_reports WHERE source_id = 'iot-platform:tilt-17-3'"));
        Assert.Equal(3, await ScalarAsync("SELECT cluster_size FROM cases WHERE category_code = '0102'"));
    }

    [Fact]
    public async Task The_same_source_id_from_two_clients_is_two_alarms()
    {
        var iot = AlarmClient.For(host, AlarmClient.IotKey);
        var fromIot = AlarmClient.TiltAlarm("alarm-1", Latitude, Longitude);
        fromIot["channel"] = "video";
        fromIot["categoryCode"] = "E0501";
        fromIot["details"] = new { kind = "video", cameraId = "cam-9", algorithm = "street-vending/2.3", confidence = 0.8 };

        await videoBox.PostAsync(AlarmClient.VideoAlarm("alarm-1", Latitude, Longitude), HttpStatusCode.Created);
        var second = await iot.PostAsync(fromIot, HttpStatusCode.OK);

        Assert.Equal("joined", second.GetProperty("outcome").GetString());
        Assert.False(second.GetProperty("replayed").GetBoolean());
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM case_reports"));
    }

    [Fact]
    public async Task An_alarm_storm_from_parallel_machines_loses_no_alarm_and_opens_one_case_per_place()
    {
        const int Places = 10;
        const int PerBatch = 100;
        const int Batches = 20;

        // Four boxes post 20 batches of 100 alarms at once over ten places 300 m apart.
        var posts = Enumerable.Range(0, Batches).Select(b => Task.Run(async () =>
        {
            var batch = Enumerable.Range(0, PerBatch)
                .Select(i => AlarmClient.VideoAlarm($"storm-{b:D2}-{i:D3}", Latitude - (i % Places) * 0.0027, Longitude))
                .ToList();
            return await videoBox.PostAsync(batch);
        }));
        var answers = await Task.WhenAll(posts);

        var accepted = 0;
        foreach (var answer in answers)
        {
            accepted += (await CaseApiClient.ExpectAsync(answer, HttpStatusCode.OK)).GetProperty("accepted").GetInt32();
        }

        Assert.Equal(Batches * PerBatch, accepted);
        Assert.Equal(Places, await ScalarAsync("SELECT COUNT(*) FROM cases"));
        Assert.Equal(Batches * PerBatch, await ScalarAsync("SELECT SUM(cluster_size) FROM cases"));
        Assert.Equal(Batches * PerBatch, await ScalarAsync("SELECT COUNT(*) FROM case_reports WHERE case_id IS NOT NULL"));
        Assert.Equal(Batches * PerBatch - Places, await ScalarAsync("SELECT COUNT(*) FROM case_events WHERE kind = 'ReportJoined'"));
    }
}

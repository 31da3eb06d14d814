using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Open311;

/// <summary>Requests filed by a citizen app become cases, which anyone can then follow as public service requests.</summary>
public sealed class Open311RequestTests : IAsyncLifetime
{
    private readonly PortalHost host = new(settings: Open311Client.Settings());
    private Open311Client client = null!;

    public Task InitializeAsync()
    {
        client = Open311Client.For(host);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_filed_request_becomes_a_case_visible_through_every_request_query_without_personal_data()
    {
        var filed = await client.JsonAsync(await client.PostAsync("/requests.json", Open311Client.LampRequest()), HttpStatusCode.Created);
        var receipt = Assert.Single(filed.EnumerateArray());
        var id = receipt.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^PJ-\d{8}-\d{6}$", id);
        Assert.Equal("acct-7", receipt.GetProperty("account_id").GetString());
        Assert.Contains(id, receipt.GetProperty("service_notice").GetString());

        var one = await client.GetAsync($"/requests/{id}.json");
        var oneText = await Open311Client.ExpectAsync(one, HttpStatusCode.OK);
        var request = Assert.Single(JsonDocument.Parse(oneText).RootElement.EnumerateArray());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("0109", request.GetProperty("service_code").GetString());
        Assert.Equal("路灯不亮，晚上很黑", request.GetProperty("description").GetString());
        Assert.Equal(31.052, request.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(121.579, request.GetProperty("long").GetDouble(), 6);
        Assert.True(request.GetProperty("requested_datetime").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var listed = await client.GetAsync("/requests.json?service_code=0109&status=open");
        var listedText = await Open311Client.ExpectAsync(listed, HttpStatusCode.OK);
        Assert.Contains(JsonDocument.Parse(listedText).RootElement.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);

        var closedOnly = await client.JsonAsync(await client.GetAsync("/requests.json?status=closed"), HttpStatusCode.OK);
        Assert.DoesNotContain(closedOnly.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);

        var byIdsXml = await client.GetAsync($"/requests.xml?service_request_id={id},PJ-19990101-000001&service_code=0101");
        var byIdsText = await Open311Client.ExpectAsync(byIdsXml, HttpStatusCode.OK);
        var xml = XDocument.Parse(byIdsText);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(id, (string?)element.Element("service_request_id"));
        Assert.Equal("open", (string?)element.Element("status"));

        var oneXml = await client.XmlAsync(await client.GetAsync($"/requests/{id}.xml"), HttpStatusCode.OK);
        Assert.Equal("0109", (string?)oneXml.Root!.Element("request")!.Element("service_code"));

        foreach (var text in new[] { oneText, listedText, byIdsText })
        {
            Assert.DoesNotContain("5678", text);
            Assert.DoesNotContain("1234", text);
            Assert.DoesNotContain("三丰", text);
            Assert.DoesNotContain("zhang@example.cn", text);
        }
    }

    [Fact]
    public async Task A_retried_post_returns_the_same_case_and_a_token_maps_to_it()
    {
        var first = await client.JsonAsync(await client.PostAsync("/requests.json", Open311Client.LampRequest()), HttpStatusCode.Created);
        var again = await client.XmlAsync(await client.PostAsync("/requests.xml", Open311Client.LampRequest()), HttpStatusCode.OK);

        var id = first[0].GetProperty("service_request_id").GetString();
        Assert.Equal(id, (string?)again.Root!.Element("request")!.Element("service_request_id"));

        var token = await client.JsonAsync(await client.GetAsync($"/tokens/{id}.json"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(token.EnumerateArray()).GetProperty("service_request_id").GetString());
        await client.JsonAsync(await client.GetAsync("/tokens/PJ-19990101-000001.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_idempotency_key_files_one_case_even_with_different_text()
    {
        var first = await client.JsonAsync(
            await client.PostAsync("/requests.json", Open311Client.LampRequest("路灯坏了"), idempotencyKey: "k-1"), HttpStatusCode.Created);
        var retry = await client.JsonAsync(
            await client.PostAsync("/requests.json", Open311Client.LampRequest("路灯坏了，请尽快修"), idempotencyKey: "k-1"), HttpStatusCode.OK);

        Assert.Equal(first[0].GetProperty("service_request_id").GetString(), retry[0].GetProperty("service_request_id").GetString());
        Assert.Contains("already", retry[0].GetProperty("service_notice").GetString());
    }

    [Fact]
    public async Task A_post_without_a_known_api_key_is_refused_with_403()
    {
        var withoutKey = Open311Client.LampRequest().Where(f => f.Key != "api_key");
        var missing = await client.JsonAsync(await client.PostAsync("/requests.json", withoutKey), HttpStatusCode.Forbidden);
        Assert.Equal(403, missing[0].GetProperty("code").GetInt32());

        var unknown = await client.XmlAsync(
            await client.PostAsync("/requests.xml", Open311Client.LampRequest(apiKey: "guessed")), HttpStatusCode.Forbidden);
        Assert.Equal("errors", unknown.Root!.Name.LocalName);
        Assert.Equal("403", (string?)unknown.Root.Element("error")!.Element("code"));

        var none = await client.JsonAsync(await client.GetAsync("/requests.json"), HttpStatusCode.OK);
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("service_code", null, HttpStatusCode.BadRequest, "service_code is required")]
    [InlineData("service_code", "9999", HttpStatusCode.NotFound, "'9999' is not a service")]
    [InlineData("service_code", "01", HttpStatusCode.NotFound, "'01' is not a service")]
    [InlineData("lat", null, HttpStatusCode.BadRequest, "lat and long go together")]
    [InlineData("attribute[severity]", "terrible", HttpStatusCode.BadRequest, "'terrible' is not one of")]
    [InlineData("phone", "12345", HttpStatusCode.BadRequest, "phone")]
    public async Task A_bad_post_gets_the_spec_error(string field, string? value, HttpStatusCode expected, string message)
    {
        var form = Open311Client.LampRequest().Where(f => f.Key != field).ToList();
        if (value is not null)
        {
            form.Add(new(field, value));
        }

        var errors = await client.JsonAsync(await client.PostAsync("/requests.json", form), expected);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal((int)expected, error.GetProperty("code").GetInt32());
        Assert.Contains(message, error.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Intake_refusals_name_the_form_parameter_the_app_sent()
    {
        var errors = await client.JsonAsync(
            await client.PostAsync("/requests.json", Open311Client.LampRequest(), idempotencyKey: "has space"), HttpStatusCode.BadRequest);
        Assert.StartsWith("Idempotency-Key:", errors[0].GetProperty("description").GetString());

        var photo = Open311Client.LampRequest().Append(new("media_url", "not a url"));
        var photoErrors = await client.JsonAsync(await client.PostAsync("/requests.json", photo), HttpStatusCode.BadRequest);
        Assert.StartsWith("media_url:", photoErrors[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_request_with_only_an_address_string_is_placed_by_the_gazetteer_and_an_unknown_address_is_refused()
    {
        var placed = Open311Client.LampRequest().Where(f => f.Key is not ("lat" or "long" or "address_string"))
            .Append(new("address_string", "上海市浦江区三林路120号")).ToList();
        var unknown = Open311Client.LampRequest("路灯闪烁").Where(f => f.Key is not ("lat" or "long" or "address_string"))
            .Append(new("address_string", "火星基地一号舱")).ToList();

        var receipt = await client.JsonAsync(await client.PostAsync("/requests.json", placed), HttpStatusCode.Created);
        var errors = await client.XmlAsync(await client.PostAsync("/requests.xml", unknown), HttpStatusCode.BadRequest);

        var requestId = receipt[0].GetProperty("service_request_id").GetString();
        var request = await client.JsonAsync(await client.GetAsync($"/requests/{requestId}.json"), HttpStatusCode.OK);
        // 三林路 runs through 三林镇, west of the district centre (121.515).
        Assert.True(request[0].GetProperty("long").GetDouble() < 121.515, request.ToString());
        Assert.Equal("上海市浦江区三林路120号", request[0].GetProperty("address").GetString());
        var description = (string?)errors.Root!.Element("error")!.Element("description");
        Assert.StartsWith("address_string: no road, compound, landmark, street or community of the district matches '火星基地一号舱'", description);
    }

    [Theory]
    [InlineData("start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00", "at most 90")]
    [InlineData("start_date=yesterday", "not a W3C date-time")]
    [InlineData("status=pending", "'pending' is not open or closed")]
    public async Task A_bad_request_query_gets_400(string query, string message)
    {
        var errors = await client.JsonAsync(await client.GetAsync($"/requests.json?{query}"), HttpStatusCode.BadRequest);
        Assert.Contains(message, errors[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Unknown_requests_and_services_in_queries_answer_404()
    {
        var request = await client.XmlAsync(await client.GetAsync("/requests/PJ-19990101-000001.xml"), HttpStatusCode.NotFound);
        Assert.Equal("404", (string?)request.Root!.Element("error")!.Element("code"));
        await client.JsonAsync(await client.GetAsync("/requests.json?service_code=9999"), HttpStatusCode.NotFound);
    }
}

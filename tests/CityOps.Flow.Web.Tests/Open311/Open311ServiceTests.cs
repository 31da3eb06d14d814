using System.Net;
using System.Xml.Linq;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Open311;

/// <summary>The category catalogue as GeoReport services, in JSON and XML.</summary>
public sealed class Open311ServiceTests : IAsyncLifetime
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
    public async Task Services_list_every_subclass_with_its_class_as_group_in_json_and_xml()
    {
        var json = await client.JsonAsync(await client.GetAsync("/services.json"), HttpStatusCode.OK);
        var lamp = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "0109");
        Assert.False(string.IsNullOrEmpty(lamp.GetProperty("service_name").GetString()));
        Assert.False(string.IsNullOrEmpty(lamp.GetProperty("group").GetString()));
        Assert.True(lamp.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", lamp.GetProperty("type").GetString());
        Assert.DoesNotContain(json.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "01");

        var xml = await client.XmlAsync(await client.GetAsync("/services.xml"), HttpStatusCode.OK);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements("service").ToList();
        Assert.Equal(json.GetArrayLength(), services.Count);
        var lampXml = services.Single(s => (string?)s.Element("service_code") == "0109");
        Assert.Equal(lamp.GetProperty("service_name").GetString(), (string?)lampXml.Element("service_name"));
        Assert.Equal("true", (string?)lampXml.Element("metadata"));
    }

    [Fact]
    public async Task A_service_definition_offers_the_severity_list_in_json_and_xml()
    {
        var json = await client.JsonAsync(await client.GetAsync("/services/0109.json"), HttpStatusCode.OK);
        Assert.Equal("0109", json.GetProperty("service_code").GetString());
        var severity = Assert.Single(json.GetProperty("attributes").EnumerateArray());
        Assert.Equal("severity", severity.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", severity.GetProperty("datatype").GetString());
        Assert.False(severity.GetProperty("required").GetBoolean());
        Assert.Equal(["minor", "normal", "major", "critical"],
            severity.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));

        var xml = await client.XmlAsync(await client.GetAsync("/services/0109.xml"), HttpStatusCode.OK);
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        var attribute = xml.Root.Element("attributes")!.Element("attribute")!;
        Assert.Equal("singlevaluelist", (string?)attribute.Element("datatype"));
        Assert.Equal(4, attribute.Element("values")!.Elements("value").Count());
    }

    [Fact]
    public async Task An_unknown_service_answers_404_in_the_spec_error_format()
    {
        var json = await client.JsonAsync(await client.GetAsync("/services/9999.json"), HttpStatusCode.NotFound);
        var error = Assert.Single(json.EnumerateArray());
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.Contains("9999", error.GetProperty("description").GetString());

        var xml = await client.XmlAsync(await client.GetAsync("/services/9999.xml"), HttpStatusCode.NotFound);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        Assert.Equal("404", (string?)xml.Root.Element("error")!.Element("code"));
    }

    [Fact]
    public async Task Requests_beyond_the_per_client_limit_get_429_in_the_spec_error_format()
    {
        await using var limited = new PortalHost(settings: Open311Client.Settings(permitsPerMinute: 2));
        var app = Open311Client.For(limited);

        for (var i = 0; i < 2; i++)
        {
            await Open311Client.ExpectAsync(await app.GetAsync($"/services.json?api_key={Open311Client.ApiKey}"), HttpStatusCode.OK);
        }

        var refused = await app.GetAsync($"/services.xml?api_key={Open311Client.ApiKey}");
        var xml = await app.XmlAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("429", (string?)xml.Root!.Element("error")!.Element("code"));
        Assert.True(refused.Headers.Contains("Retry-After"));

        // Another caller has its own window.
        await Open311Client.ExpectAsync(await app.GetAsync("/services.json"), HttpStatusCode.OK);
    }
}

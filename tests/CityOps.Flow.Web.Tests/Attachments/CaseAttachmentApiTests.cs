using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityOps.Flow.Web.Tests.Attachments;

/// <summary>Photos uploaded to cases through the real host: content checks, limits, and the caller's scope.</summary>
public sealed class CaseAttachmentApiTests : IAsyncLifetime
{
    // 江月社区 of 浦江街道 (310199001) and 东明社区 of 东明路街道 (310199002).
    private const double StreetALatitude = 31.052;
    private const double StreetALongitude = 121.579;
    private const double StreetBLatitude = 31.0832;
    private const double StreetBLongitude = 121.5668;

    private readonly PortalHost host = new(settings: new Dictionary<string, string?>
    {
        ["Workflows:PollInterval"] = "00:00:30",
        ["Cases:Attachments:MaxBytes"] = "200000",
    });

    private PortalClient operatorClient = null!;
    private CaseApiClient operatorApi = null!;

    public async Task InitializeAsync()
    {
        operatorClient = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.SignInAsync("operator", "Operator#2026")).StatusCode);
        operatorApi = new CaseApiClient(operatorClient.Http);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_uploaded_photo_is_listed_with_its_sniffed_type_and_size_and_served_back_byte_for_byte()
    {
        var caseId = await FileCaseAsync("att-1", StreetALatitude, StreetALongitude);
        var photo = TestPhotos.Png(64, 48);

        // Named and declared as a JPEG: the bytes decide.
        var response = await UploadAsync(operatorClient, caseId, ("file", "路灯.jpg", "image/jpeg", photo));

        var stored = Assert.Single((await CaseApiClient.ExpectAsync(response, HttpStatusCode.Created)).EnumerateArray());
        Assert.Equal("image/png", stored.GetProperty("mediaType").GetString());
        Assert.Equal("路灯.jpg", stored.GetProperty("fileName").GetString());
        Assert.Equal(64, stored.GetProperty("width").GetInt32());
        Assert.Equal(48, stored.GetProperty("height").GetInt32());
        Assert.Equal(photo.Length, stored.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("operator", stored.GetProperty("uploadedBy").GetString());

        var listed = await operatorApi.GetJsonAsync($"/api/cases/{caseId}/attachments");
        Assert.Equal(stored.GetProperty("id").GetString(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        var served = await operatorClient.Http.GetAsync(stored.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_photo_posted_twice_is_stored_once()
    {
        var caseId = await FileCaseAsync("att-twice", StreetALatitude, StreetALongitude);
        var photo = TestPhotos.Png(10, 10);

        var first = await CaseApiClient.ExpectAsync(await UploadAsync(operatorClient, caseId, ("file", "a.png", "image/png", photo)), HttpStatusCode.Created);
        var second = await CaseApiClient.ExpectAsync(await UploadAsync(operatorClient, caseId, ("file", "a.png", "image/png", photo)), HttpStatusCode.Created);

        Assert.Equal(first[0].GetProperty("id").GetString(), second[0].GetProperty("id").GetString());
        Assert.Single((await operatorApi.GetJsonAsync($"/api/cases/{caseId}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task A_document_named_like_a_photo_an_svg_and_an_oversized_image_are_refused_and_nothing_is_stored()
    {
        var caseId = await FileCaseAsync("att-refused", StreetALatitude, StreetALongitude);
        var text = Encoding.UTF8.GetBytes("这不是照片，只是改了扩展名的文本文件。This is not a photo.");
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

        var renamed = await ErrorsAsync(await UploadAsync(operatorClient, caseId,
            ("file", "ok.png", "image/png", TestPhotos.Png(8, 8)), ("file", "photo.jpg", "image/jpeg", text)));
        var script = await ErrorsAsync(await UploadAsync(operatorClient, caseId, ("file", "map.svg", "image/svg+xml", svg)));
        // Past the 200 000-byte limit this host is configured with.
        var large = await ErrorsAsync(await UploadAsync(operatorClient, caseId, ("file", "big.png", "image/png", Padded(TestPhotos.Png(8, 8), 250_000))));
        var none = await ErrorsAsync(await UploadAsync(operatorClient, caseId));

        Assert.Contains("'photo.jpg' is refused: the content is not a JPEG, PNG, GIF or WebP image", renamed.GetProperty("file[1]")[0].GetString());
        Assert.Contains("SVG", script.GetProperty("file[0]")[0].GetString());
        Assert.Contains("at most 0.2 MB", large.GetProperty("file[0]")[0].GetString());
        Assert.True(none.TryGetProperty("file", out _));
        Assert.Empty((await operatorApi.GetJsonAsync($"/api/cases/{caseId}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task A_street_user_gets_404_for_the_photos_of_another_streets_case_and_cannot_add_to_it()
    {
        var inA = await FileCaseAsync("att-street-a", StreetALatitude, StreetALongitude);
        var inB = await FileCaseAsync("att-street-b", StreetBLatitude, StreetBLongitude);
        var photoA = await UploadedAsync(inA, TestPhotos.Png(12, 12, shade: 1));
        var photoB = await UploadedAsync(inB, TestPhotos.Png(12, 12, shade: 2));
        await CreateUserAsync("street-a-dispatcher", CityRoles.Dispatcher, areaId: "310199001");
        var streetA = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await streetA.SignInAsync("street-a-dispatcher", "StreetA#2026")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await streetA.Http.GetAsync($"/api/cases/{inA}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await streetA.Http.GetAsync($"/api/cases/{inA}/attachments/{photoA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync($"/api/cases/{inB}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync($"/api/cases/{inB}/attachments/{photoB}")).StatusCode);
        // A photo id of another case is unknown through a case the user may see.
        Assert.Equal(HttpStatusCode.NotFound, (await streetA.Http.GetAsync($"/api/cases/{inA}/attachments/{photoB}")).StatusCode);
        var added = await UploadAsync(streetA, inB, ("file", "x.png", "image/png", TestPhotos.Png(9, 9)));
        Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
        Assert.Single((await operatorApi.GetJsonAsync($"/api/cases/{inB}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var caseId = await FileCaseAsync("att-csrf", StreetALatitude, StreetALongitude);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(TestPhotos.Png(8, 8));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "file", "a.png");

        var response = await operatorClient.Http.PostAsync($"/api/cases/{caseId}/attachments", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await operatorApi.GetJsonAsync($"/api/cases/{caseId}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task A_photo_tied_to_a_report_of_another_case_is_refused()
    {
        var caseId = await FileCaseAsync("att-link", StreetALatitude, StreetALongitude);

        var response = await UploadAsync(operatorClient, caseId, [("reportId", "999999")], ("file", "a.png", "image/png", TestPhotos.Png(8, 8)));

        var errors = await ErrorsAsync(response);
        Assert.Contains("report 999999 was not filed into case", errors.GetProperty("reportId")[0].GetString());
    }

    private async Task<string> FileCaseAsync(string sourceId, double latitude, double longitude) =>
        (await operatorApi.FileAsync(CaseApiClient.LampReport(sourceId, latitude, longitude), HttpStatusCode.Created)).GetProperty("caseId").GetString()!;

    private async Task<string> UploadedAsync(string caseId, byte[] photo) =>
        (await CaseApiClient.ExpectAsync(await UploadAsync(operatorClient, caseId, ("file", "p.png", "image/png", photo)), HttpStatusCode.Created))[0]
            .GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> UploadAsync(PortalClient client, string caseId, params (string Field, string Name, string Type, byte[] Bytes)[] files) =>
        UploadAsync(client, caseId, [], files);

    /// <summary>Posts as the portal's pages do: a multipart form carrying the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(
        PortalClient client, string caseId, (string Name, string Value)[] fields, params (string Field, string Name, string Type, byte[] Bytes)[] files)
    {
        var page = await client.GetPageAsync("/");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.QuerySelector("meta[name=antiforgery-token]")!.GetAttribute("content")!), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, field, name);
        }

        return await client.Http.PostAsync($"/api/cases/{caseId}/attachments", form);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await CaseApiClient.ExpectAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");

    private static byte[] Padded(byte[] png, int size)
    {
        var padded = new byte[size];
        png.CopyTo(padded, 0);
        return padded;
    }

    private async Task CreateUserAsync(string userName, string role, string areaId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>();
        var user = new CityUser { UserName = userName, DisplayName = userName, AreaId = areaId };
        Assert.True((await users.CreateAsync(user, "StreetA#2026")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}

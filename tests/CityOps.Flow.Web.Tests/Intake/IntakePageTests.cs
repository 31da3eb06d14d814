using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CityOps.Flow.Web.Tests.Attachments;
using CityOps.Flow.Web.Tests.Cases;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Intake;

/// <summary>The intake page through the real host, posted as a browser without script would post it.</summary>
public sealed class IntakePageTests : IAsyncLifetime
{
    private readonly PortalHost host = new(settings: new Dictionary<string, string?> { ["Workflows:PollInterval"] = "00:00:30" });
    private PortalClient operatorClient = null!;

    public async Task InitializeAsync()
    {
        operatorClient = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.SignInAsync("operator", "Operator#2026")).StatusCode);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_call_filed_with_a_photo_opens_a_case_placed_in_its_grid_and_the_page_shows_its_number_and_link()
    {
        var form = await operatorClient.GetPageAsync("/intake");

        var posted = await PostAsync(form, Call("三林路120号"), ("photos", "lamp.png", TestPhotos.Png(40, 30)));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await operatorClient.GetPageAsync(PortalClient.PathOf(posted.Headers.Location!));
        var message = after.QuerySelector("[data-role=filed-message]")!.TextContent;
        Assert.Matches(@"^已立案，工单编号 PJ-\d{8}-\d{6}。$", message);
        var link = after.QuerySelector("[data-role=filed-link]")!.GetAttribute("href")!;
        Assert.StartsWith("/cases/", link);
        var api = new CaseApiClient(operatorClient.Http);
        var stored = await api.GetJsonAsync("/api" + link);
        Assert.Equal("hotline", stored.GetProperty("channel").GetString());
        Assert.Equal("normal", stored.GetProperty("severity").GetString());
        Assert.Equal("Dispatched", stored.GetProperty("status").GetString());
        Assert.Equal("310199006", stored.GetProperty("streetId").GetString());
        Assert.StartsWith("310199006", stored.GetProperty("gridId").GetString());
        var photo = Assert.Single((await api.GetJsonAsync($"/api{link}/attachments")).EnumerateArray());
        Assert.Equal("image/png", photo.GetProperty("mediaType").GetString());
    }

    [Fact]
    public async Task A_call_judged_critical_is_stored_so_and_waits_for_a_dispatcher_to_file_it()
    {
        var form = await operatorClient.GetPageAsync("/intake");
        Assert.NotNull(form.QuerySelector("#intake-severity option[value=normal][selected]"));
        var call = Call("三林路120号");
        call["Input.Severity"] = "critical";

        var posted = await PostAsync(form, call);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await operatorClient.GetPageAsync(PortalClient.PathOf(posted.Headers.Location!));
        var link = after.QuerySelector("[data-role=filed-link]")!.GetAttribute("href")!;
        var stored = await new CaseApiClient(operatorClient.Http).GetJsonAsync("/api" + link);
        Assert.Equal("critical", stored.GetProperty("severity").GetString());
        // A normal street-lamp call is dispatched at once (see the test above); a critical one waits, with no limit running yet.
        Assert.Equal("Reported", stored.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("dueAt").ValueKind);
    }

    [Fact]
    public async Task A_refused_form_keeps_what_was_typed_and_says_what_to_fix_next_to_each_field()
    {
        var form = await operatorClient.GetPageAsync("/intake");
        var call = Call("火星基地一号舱");
        call["Input.Category"] = "9999 不存在的类别";
        call["Input.CallerPhone"] = "12345";
        call["Input.RequestKind"] = "";
        call["Input.Severity"] = "catastrophic";

        var response = await PostAsync(form, call, ("photos", "notes.jpg", "这不是照片"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("[data-role=intake-errors]"));
        Assert.Contains("目录中没有“9999 不存在的类别”", ErrorOf(page, "Category"));
        Assert.Contains("请选择诉求类型", ErrorOf(page, "RequestKind"));
        Assert.Contains("请从列表中选择紧急程度。", ErrorOf(page, "Severity"));
        Assert.Contains("(catastrophic)", ErrorOf(page, "Severity"));
        Assert.Contains("未能在本区地名库中识别该地址", ErrorOf(page, "Address"));
        Assert.Contains("来电号码格式不正确", ErrorOf(page, "CallerPhone"));
        Assert.Contains("'notes.jpg' is refused", ErrorOf(page, "Photos"));
        Assert.Equal("9999 不存在的类别", page.QuerySelector("#intake-category")!.GetAttribute("value"));
        Assert.Equal("火星基地一号舱", page.QuerySelector("#intake-address")!.GetAttribute("value"));
        Assert.Equal("王先生", page.QuerySelector("#intake-caller-name")!.GetAttribute("value"));
        Assert.Equal("12345", page.QuerySelector("#intake-caller-phone")!.GetAttribute("value"));
        Assert.Equal("路灯不亮，晚上很黑", page.QuerySelector("#intake-description")!.TextContent);
        Assert.Contains("is-invalid", page.QuerySelector("#intake-address")!.ClassName);
        Assert.Equal("intake-address-hint intake-address-error", page.QuerySelector("#intake-address")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("[data-role=photos-reselect]"));
        Assert.Empty((await new CaseApiClient(operatorClient.Http).GetJsonAsync("/api/cases")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_second_call_nearby_is_offered_the_open_case_and_joining_adds_the_report_to_it()
    {
        var first = await PostAsync(await operatorClient.GetPageAsync("/intake"), Call("三林路120号"));
        var firstCaseId = Uri.UnescapeDataString(PortalClient.PathOf(first.Headers.Location!).Split("filed=")[1].Split('&')[0]);

        // 三林路130号 is about 100 m further along the road: beyond automatic clustering, within the offer.
        var lookup = PortalClient.Parse(await operatorClient.Http.GetStringAsync(
            $"/intake/lookup?Input.Category={Uri.EscapeDataString("0109 路灯不亮")}&Input.Address={Uri.EscapeDataString("三林路130号")}"));
        var offered = Assert.Single(lookup.QuerySelectorAll("[data-role=nearby-case]"));
        Assert.Equal(firstCaseId, offered.GetAttribute("data-case-id"));
        Assert.Equal("三林镇", lookup.QuerySelector("[data-role=street]")!.TextContent);
        Assert.NotNull(lookup.QuerySelector("datalist#intake-address-options[hx-swap-oob]"));
        var join = offered.QuerySelector("[data-role=join-case]")!;
        Assert.Equal("intake-form", join.GetAttribute("form"));

        var call = Call("三林路130号");
        call["Input.CallerPhone"] = "139 0000 1111";
        call[join.GetAttribute("name")!] = join.GetAttribute("value")!;
        var joined = await PostAsync(await operatorClient.GetPageAsync("/intake"), call);

        var after = await operatorClient.GetPageAsync(PortalClient.PathOf(joined.Headers.Location!));
        Assert.Matches(@"^已并入工单 PJ-\d{8}-\d{6}，现有 2 人反映。$", after.QuerySelector("[data-role=filed-message]")!.TextContent);
        var stored = await new CaseApiClient(operatorClient.Http).GetJsonAsync($"/api/cases/{firstCaseId}");
        Assert.Equal(2, stored.GetProperty("clusterSize").GetInt32());
    }

    [Fact]
    public async Task Without_script_the_lookup_button_places_the_address_and_lists_nearby_cases_without_filing()
    {
        await PostAsync(await operatorClient.GetPageAsync("/intake"), Call("江月花苑"));
        var call = Call("江月新村");
        call["Input.Action"] = "lookup";

        var response = await PostAsync(await operatorClient.GetPageAsync("/intake"), call);

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("江月社区", page.QuerySelector("[data-role=community]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-role=intake-errors]"));
        Assert.Single((await new CaseApiClient(operatorClient.Http).GetJsonAsync("/api/cases")).GetProperty("items").EnumerateArray());
        Assert.Equal("江月新村", page.QuerySelector("#intake-address")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_handler_cannot_open_the_intake_desk()
    {
        var handler = new PortalClient(host);
        await handler.SignInAsync("handler", "Handler#2026");

        var page = await handler.Http.GetAsync("/intake");
        var lookup = await handler.Http.GetAsync("/intake/lookup?Input.Address=x");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, lookup.StatusCode);
    }

    private static Dictionary<string, string> Call(string address) => new()
    {
        ["Input.Category"] = "0109 路灯不亮",
        ["Input.RequestKind"] = "help",
        ["Input.Address"] = address,
        ["Input.CallerName"] = "王先生",
        ["Input.CallerPhone"] = "138 1234 5678",
        ["Input.Description"] = "路灯不亮，晚上很黑",
        ["Input.Action"] = "file",
    };

    private static string ErrorOf(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-role=field-error][data-field={field}]")?.TextContent ?? $"(no error shown for {field})";

    /// <summary>Posts the page's form as a browser does: multipart, with its hidden fields, antiforgery token and the options selected in its lists unless the test chose another.</summary>
    private async Task<HttpResponseMessage> PostAsync(IHtmlDocument page, Dictionary<string, string> fields, params (string Field, string Name, byte[] Bytes)[] files)
    {
        var form = page.QuerySelector("form#intake-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        foreach (var select in form.QuerySelectorAll("select"))
        {
            if (select.GetAttribute("name") is { } name && !fields.ContainsKey(name) && select.QuerySelector("option[selected]") is { } chosen)
            {
                content.Add(new StringContent(chosen.GetAttribute("value") ?? ""), name);
            }
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, field, name);
        }

        return await operatorClient.Http.PostAsync("/intake", content);
    }
}

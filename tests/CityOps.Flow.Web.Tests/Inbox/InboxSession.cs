using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Inbox;

/// <summary>A signed-in person using the inbox pages the way a browser does: pages fetched, forms posted with their antiforgery token.</summary>
public sealed class InboxSession(PortalClient client)
{
    public HttpClient Http => client.Http;

    public static async Task<InboxSession> SignInAsync(PortalHost host, string userName, string password)
    {
        var client = new PortalClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, password)).StatusCode);
        return new InboxSession(client);
    }

    public Task<IHtmlDocument> PageAsync(string path) => client.GetPageAsync(path);

    public async Task<JsonElement> JsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object body) => await Http.PostAsJsonAsync(path, body);

    /// <summary>
    /// Submits the form of the page at <paramref name="path"/> that <paramref name="formSelector"/> finds, with
    /// <paramref name="fields"/> filled in and <paramref name="files"/> attached (a form without an action posts back to its page).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        string path, IHtmlDocument page, string formSelector, IReadOnlyList<(string Name, string Value)> fields,
        IReadOnlyList<(string Name, string FileName, byte[] Content)>? files = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new Xunit.Sdk.XunitException($"The page has no form '{formSelector}'.");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => (Name: input.GetAttribute("name")!, Value: input.GetAttribute("value") ?? ""))
            .Concat(fields)
            .ToList();
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? path : form.GetAttribute("action")!;
        if (form.Enctype == "multipart/form-data")
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var (name, fileName, content) in files ?? [])
            {
                multipart.Add(new ByteArrayContent(content), name, fileName);
            }

            return await Http.PostAsync(action, multipart);
        }

        return await Http.PostAsync(action, new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))));
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

/// <summary>
/// A hotline operator at the intake desk: files a caller's report with a photo at desktop width, then takes a second
/// call about the same lamp at phone width, is offered the open case nearby while typing, and joins it.
/// </summary>
public sealed partial class IntakeJourneyTests : PortalBrowserTest
{
    [Fact]
    public async Task The_operator_files_a_case_and_a_second_call_nearby_joins_it_from_the_offer()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await session.SignInAsync("operator", "Operator#2026");

        await page.GotoAsync("/intake");
        await Expect(page.Locator("[data-role=intake-title]")).ToHaveTextAsync("受理登记");
        await Screenshots.SaveAsync(page, "intake-empty-desktop");

        // Keyboard order follows the form: category, request kind, address.
        await page.FocusAsync("#intake-category");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("intake-request-kind", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // Refused first: nothing but an unknown category, and the form says so next to the fields.
        await page.FillAsync("#intake-category", "9999");
        await page.ClickAsync("[data-role=file-case]");
        await Expect(page.Locator("[data-role=field-error][data-field=Category]")).ToContainTextAsync("目录中没有“9999”");
        await Expect(page.Locator("[data-role=field-error][data-field=Address]")).ToBeVisibleAsync();
        await Expect(page.Locator("#intake-category")).ToHaveValueAsync("9999");
        await Screenshots.SaveAsync(page, "intake-errors-desktop");

        var photo = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        await FillCallAsync(page, "三林路120号", "138 1234 5678");
        await Expect(page.Locator("[data-role=street]")).ToHaveTextAsync("三林镇");
        await Expect(page.Locator("[data-role=no-nearby]")).ToBeVisibleAsync();
        await page.SetInputFilesAsync("#intake-photos", new FilePayload { Name = "路灯.png", MimeType = "image/png", Buffer = photo });
        await Screenshots.SaveAsync(page, "intake-filled-desktop");
        await page.ClickAsync("[data-role=file-case]");

        await Expect(page.Locator("[data-role=filed-message]")).ToHaveTextAsync(CaseOpened());
        var message = await page.Locator("[data-role=filed-message]").TextContentAsync();
        var number = CaseNumber().Match(message!).Value;
        var link = await page.Locator("[data-role=filed-link]").GetAttributeAsync("href");
        Assert.Matches("^/cases/[0-9a-f]{32}$", link);
        await Screenshots.SaveAsync(page, "intake-filed-desktop");

        // The second caller, taken on a phone-width screen: 三林路130号 is about 100 m along the same road.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/intake");
        await FillCallAsync(page, "三林路130号", "139 0000 1111");
        var offer = page.Locator("[data-role=nearby-case]");
        await Expect(offer).ToHaveCountAsync(1);
        await Expect(offer.Locator("[data-role=nearby-number]")).ToHaveTextAsync(number);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1,
            "the intake form scrolls sideways at phone width");
        await Screenshots.SaveAsync(page, "intake-nearby-phone");

        await offer.Locator("[data-role=join-case]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-role=filed-message]")).ToHaveTextAsync($"已并入工单 {number}，现有 2 人反映。");
        Assert.Equal(link, await page.Locator("[data-role=filed-link]").GetAttributeAsync("href"));
        await Screenshots.SaveAsync(page, "intake-joined-phone");
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    /// <summary>Types a call as an operator does; the address is typed key by key so the page looks it up as it goes.</summary>
    private static async Task FillCallAsync(IPage page, string address, string phone)
    {
        await page.FillAsync("#intake-category", "0109 路灯");
        await page.SelectOptionAsync("#intake-request-kind", "help");
        await page.FillAsync("#intake-address", "");
        await page.Locator("#intake-address").PressSequentiallyAsync(address, new LocatorPressSequentiallyOptions { Delay = 30 });
        await Expect(page.Locator("[data-role=matched-name]")).ToHaveTextAsync(address);
        await page.FillAsync("#intake-caller-name", "王先生");
        await page.FillAsync("#intake-caller-phone", phone);
        await page.FillAsync("#intake-description", "路灯不亮，晚上很黑");
    }

    [GeneratedRegex(@"^已立案，工单编号 PJ-\d{8}-\d{6}。$")]
    private static partial Regex CaseOpened();

    [GeneratedRegex(@"PJ-\d{8}-\d{6}")]
    private static partial Regex CaseNumber();
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CityOps.Flow.Browser;

public sealed class SignInJourneyTests : PortalBrowserTest
{
    [Theory]
    [InlineData("operator", "Operator#2026", "王芳", "受理员")]
    [InlineData("dispatcher", "Dispatcher#2026", "李强", "派遣员")]
    [InlineData("handler", "Handler#2026", "张伟", "处置人员")]
    [InlineData("supervisor", "Supervisor#2026", "陈静", "督办员")]
    [InlineData("leader", "Leader#2026", "刘洋", "领导")]
    [InlineData("auditor", "Auditor#2026", "赵敏", "审计员")]
    [InlineData("admin", "Admin#2026", "孙磊", "系统管理员")]
    public async Task Demo_user_signs_in_sees_the_role_home_page_and_signs_out(string userName, string password, string displayName, string roleName)
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);

        await session.SignInAsync(userName, password);

        await Expect(session.Page).ToHaveURLAsync($"{Server.BaseUrl}/");
        await Expect(session.Page.Locator("[data-role=welcome]")).ToHaveTextAsync($"您好，{displayName}");
        await Expect(session.Page.Locator("[data-role-home] .card-title")).ToHaveTextAsync($"我的角色：{roleName}");
        await Expect(session.Page.Locator("[data-role=product-name]")).ToContainTextAsync("城运中心");
        await Expect(session.Page.Locator("[data-nav=Home]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(session.Page, $"home-{userName}");

        await session.SignOutAsync();

        Assert.False(await session.HasSessionCookieAsync());
        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?ReturnUrl=%2F$"));
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_creates_no_session()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);

        await session.SignInAsync("operator", "Wrong#Password1");

        await Expect(session.Page.Locator("[data-role=sign-in-error]")).ToHaveTextAsync("用户名或密码不正确。");
        await Expect(session.Page.Locator("#sign-in-user-name")).ToHaveValueAsync("operator");
        await Screenshots.SaveAsync(session.Page, "sign-in-wrong-password");
        Assert.False(await session.HasSessionCookieAsync());
        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?ReturnUrl=%2F$"));
        Assert.True(session.ScriptErrors.Count == 0, string.Join(Environment.NewLine, session.ScriptErrors));
    }

    [Fact]
    public async Task Sign_in_posted_without_its_antiforgery_token_is_refused_and_creates_no_session()
    {
        await using var session = await PortalSession.OpenAsync(Browser, Server.BaseUrl);
        await session.Page.GotoAsync("/sign-in");
        await session.Page.FillAsync("#sign-in-user-name", "operator");
        await session.Page.FillAsync("#sign-in-password", "Operator#2026");

        // A forged cross-site post carries no token: strip it from the real form before submitting.
        Assert.Equal(1, await session.Page.Locator("form:has(#sign-in-user-name) input[name=__RequestVerificationToken]").CountAsync());
        await session.Page.EvalOnSelectorAllAsync("form:has(#sign-in-user-name) input[name=__RequestVerificationToken]", "inputs => inputs.forEach(i => i.remove())");
        var response = await session.Page.RunAndWaitForResponseAsync(
            () => session.Page.ClickAsync("[data-role=sign-in-submit]"),
            r => r.Request.Method == "POST" && r.Url.Contains("/sign-in", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        Assert.False(await session.HasSessionCookieAsync());
        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?ReturnUrl=%2F$"));
    }
}

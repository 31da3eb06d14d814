using CityOps.Flow.Web.Portal.SignIn;

namespace CityOps.Flow.Web.Tests.Rendering;

public sealed class SignInFormRenderingTests
{
    private static Dictionary<string, object?> Form(string? error = null, string userName = "") => new()
    {
        [nameof(SignInForm.Input)] = new SignInInput { UserName = userName },
        [nameof(SignInForm.ErrorMessage)] = error,
    };

    [Fact]
    public async Task Form_posts_user_name_and_password_with_an_antiforgery_token()
    {
        var page = await new ComponentRenderer().RenderAsync<SignInForm>(Form());

        var form = page.QuerySelector("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("text", form.QuerySelector("input[name='Input.UserName']")!.GetAttribute("type"));
        Assert.Equal("password", form.QuerySelector("input[name='Input.Password']")!.GetAttribute("type"));
        Assert.Equal("checkbox", form.QuerySelector("input[name='Input.RememberMe']")!.GetAttribute("type"));
        Assert.Equal(ComponentRenderer.AntiforgeryToken, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal("用户名", page.QuerySelector("label[for=sign-in-user-name]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-role=sign-in-error]"));
    }

    [Fact]
    public async Task Refused_sign_in_shows_the_error_and_keeps_the_user_name_but_not_the_password()
    {
        var page = await new ComponentRenderer().RenderAsync<SignInForm>(Form("用户名或密码不正确。", "operator"));

        var error = page.QuerySelector("[data-role=sign-in-error]")!;
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("用户名或密码不正确。", error.TextContent);
        Assert.Equal("operator", page.QuerySelector("input[name='Input.UserName']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='Input.Password']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Form_labels_are_english_when_english_is_chosen()
    {
        var page = await new ComponentRenderer { Culture = "en" }.RenderAsync<SignInForm>(Form());

        Assert.Equal("User name", page.QuerySelector("label[for=sign-in-user-name]")!.TextContent);
        Assert.Equal("Password", page.QuerySelector("label[for=sign-in-password]")!.TextContent);
        Assert.Equal("Sign in", page.QuerySelector("[data-role=sign-in-submit]")!.TextContent);
    }
}

namespace CityOps.Flow.Web.Portal.SignIn;

/// <summary>What the sign-in form posts.</summary>
public sealed class SignInInput
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

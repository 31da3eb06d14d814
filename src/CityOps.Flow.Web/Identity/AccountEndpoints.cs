using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

public static class AccountEndpoints
{
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";

    /// <summary>POST /sign-out (form, antiforgery-checked): ends the session and shows the sign-in page.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, SignOutAsync).ExcludeFromDescription();
        return endpoints;
    }

    // Binding the form is what makes ASP.NET Core refuse the post without a valid antiforgery token.
    private static async Task<IResult> SignOutAsync(
        IFormCollection form,
        SignInManager<CityUser> signIn,
        ILogger<SignInManager<CityUser>> logger,
        HttpContext context)
    {
        var userName = context.User.Identity?.Name;
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            logger.LogInformation("User {UserName} signed out", userName);
        }

        return Results.LocalRedirect(SignInPath);
    }
}

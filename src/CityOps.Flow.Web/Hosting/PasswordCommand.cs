using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/CityOps.Flow.Web -- set-password &lt;user name&gt; &lt;new password&gt;</c>: changes a
/// password (and lifts a lockout) without starting the web server, e.g. to replace a demo password.
/// </summary>
public static class PasswordCommand
{
    public const string Name = "set-password";

    /// <summary>Runs the command when <paramref name="args"/> asks for it; false when the host should start normally.</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        // Settings such as --Storage:DataDirectory=... may follow the command's own arguments.
        var command = args.TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (command.Length == 0 || command[0] != Name)
        {
            return false;
        }

        if (command.Length != 3)
        {
            Console.Error.WriteLine($"Usage: dotnet run --project src/CityOps.Flow.Web -- {Name} <user name> <new password>");
            Environment.ExitCode = 2;
            return true;
        }

        await app.PrepareStorageAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var problems = await PasswordReset.SetAsync(scope.ServiceProvider.GetRequiredService<UserManager<CityUser>>(), command[1], command[2]);
        if (problems.Count > 0)
        {
            Console.Error.WriteLine($"The password was not changed: {string.Join(" ", problems)}");
            Environment.ExitCode = 1;
            return true;
        }

        Console.WriteLine($"The password of '{command[1]}' is changed; this user's open sessions end within a minute.");
        return true;
    }
}

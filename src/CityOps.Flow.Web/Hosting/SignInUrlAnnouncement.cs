using CityOps.Flow.Web.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CityOps.Flow.Web.Hosting;

public static class SignInUrlAnnouncement
{
    /// <summary>Once Kestrel listens, logs where to sign in, beside its own "Now listening on" lines.</summary>
    public static void AnnounceSignInUrl(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("CityOps.Flow portal is ready: sign in at {SignInUrl}", address.TrimEnd('/') + AccountEndpoints.SignInPath);
            }
        });
    }
}

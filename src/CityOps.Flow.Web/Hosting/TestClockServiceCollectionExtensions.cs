using CityOps.Flow.Engine.Scheduling;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityOps.Flow.Web.Hosting;

public static class TestClockServiceCollectionExtensions
{
    /// <summary>
    /// With <c>CityOps:Clock:Adjustable=true</c>, makes the host's <see cref="TimeProvider"/> an
    /// <see cref="AdjustableClock"/> (starting at <c>CityOps:Clock:Start</c>, else now) so tests and demos can make
    /// days of working time pass in a request. Refuses the Production environment, where a clock anyone could move
    /// would falsify every time limit and the audit trail.
    /// </summary>
    public static IServiceCollection AddTestClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(TestClockOptions.Section).Get<TestClockOptions>() ?? new TestClockOptions();
        if (!options.Adjustable)
        {
            return services;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{TestClockOptions.Section}:Adjustable is true in the Production environment. An adjustable clock is for tests and demos only: "
                + "remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development (or Staging).");
        }

        var clock = new AdjustableClock(options.Start ?? DateTimeOffset.UtcNow);
        services.AddSingleton(clock);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        // Sign-in sessions keep real time, so a test that moves the case clock by weeks stays signed in.
        services.ConfigureAll<CookieAuthenticationOptions>(cookie => cookie.TimeProvider = TimeProvider.System);
        return services;
    }
}

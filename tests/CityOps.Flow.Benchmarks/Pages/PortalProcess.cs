using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Benchmarks.Pages;

/// <summary>The portal as a child process (<c>dotnet CityOps.Flow.Web.dll</c>, Release build) on a data folder of our choosing.</summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private PortalProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(40));

    public static async Task<PortalProcess> StartAsync(string repositoryRoot, string dataDirectory)
    {
        var webOutput = Path.Combine(repositoryRoot, "src", "CityOps.Flow.Web", "bin", "Release", "net10.0");
        var dll = Path.Combine(webOutput, "CityOps.Flow.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the benchmarks in Release (it builds the portal).");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Workflows__Directory"] = Path.Combine(repositoryRoot, "workflows");

        var portal = new PortalProcess(Process.Start(info)!, address);
        portal.process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        portal.process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        await portal.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
        return portal;
    }

    /// <summary>A client signed in through the sign-in form, keeping its cookies.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var page = await http.GetStringAsync("/sign-in");
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
        }

        var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode}.");
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // Ctrl+C equivalent so SQLite checkpoints and closes; a kill after a grace period.
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal was not ready within {within}:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
            while (output.Count > 200 && output.TryDequeue(out _))
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

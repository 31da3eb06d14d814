using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;
using CityOps.Flow.Web.Tests.Hosting;

namespace CityOps.Flow.Web.Tests.Durable;

/// <summary>
/// The portal as a real child process (<c>dotnet CityOps.Flow.Web.dll --urls ...</c>) that a test can kill without
/// warning, as a power cut or OOM killer would, and start again on the same data.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the host wrote, for a failure message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output.TakeLast(40));

    /// <summary>Starts the host with these settings (as environment variables, <c>Section__Key</c>) and waits until it is ready.</summary>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan? readyWithin = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CityOps.Flow.Web.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Workflows__Directory"] = Path.Combine(DurableFiles.RepositoryRoot, "workflows");
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(Process.Start(info)!, address);
        host.process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>An HTTP client signed in as <paramref name="userName"/> through the sign-in form.</summary>
    public async Task<HttpClient> SignInAsync(string userName = "admin", string password = "Admin#2026")
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 16 })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var page = new HtmlParser().ParseDocument(await http.GetStringAsync("/sign-in"));
        var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryTokenOf(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
        Assert.True(PortalClient.SetsAuthCookie(response), $"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return http;
    }

    /// <summary>SIGKILL: no shutdown hooks, no released locks, whatever was in flight is cut.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
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

            await Task.Delay(100);
        }

        Kill();
        throw new TimeoutException($"The host was not ready within {within}:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

namespace CityOps.Flow.Web.Workers;

/// <summary>
/// Configuration section <c>Workflows</c>: where the BPMN/DMN files and the calendar live, and how this node's job
/// executor takes due timers. Durations are written as <c>hh:mm:ss</c>.
/// </summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>The folder whose *.bpmn and *.dmn files are deployed on start; by default the nearest <c>workflows</c> folder above the content root.</summary>
    public string? Directory { get; set; }

    /// <summary>The working-time calendar the FEEL <c>business ...</c> functions use, relative to <see cref="Directory"/>.</summary>
    public string Calendar { get; set; } = Path.Combine("calendars", "demo-district.json");

    /// <summary>This node's lock owner name; by default the machine name, process id and a random suffix.</summary>
    public string? WorkerId { get; set; }

    /// <summary>How long a node holds the jobs it took; a killed node's jobs are taken by another after this.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest the executor sleeps without a wake-up (timers created on other nodes appear within it).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this node runs due jobs at all (a node may serve only the portal and API).</summary>
    public bool RunJobs { get; set; } = true;
}

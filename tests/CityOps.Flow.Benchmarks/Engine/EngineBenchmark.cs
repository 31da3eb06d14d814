using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.Commands;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Storage;

namespace CityOps.Flow.Benchmarks.Engine;

/// <summary>
/// Start → user task → exclusive gateway → end, 5,000 instances with each task completed programmatically, in our
/// engine on the in-memory store and in bpmn-engine 25 on Node; then a ten-step process with a timer boundary and a
/// parallel split/join in ours.
/// </summary>
public static class EngineBenchmark
{
    private const int Instances = 5_000;

    public static void Run()
    {
        var folder = Path.Combine(RepositoryFiles.Root(), "tests", "CityOps.Flow.Benchmarks", "Engine");
        var review = File.ReadAllText(Path.Combine(folder, "review.bpmn"));

        // Two warm-up rounds let tiered compilation reach its optimised code before the measured rounds.
        RunReview(review, Instances);
        RunReview(review, Instances);
        var ours = Best(3, () => RunReview(review, Instances));
        Console.WriteLine($"ours   start → user task → gateway → end: {Instances} instances, {ours.Wall:F0} instances/s wall, {ours.Cpu:F0} per CPU second");

        var tenSteps = File.ReadAllText(Path.Combine(folder, "ten-steps.bpmn"));
        RunTenSteps(tenSteps, Instances);
        var ten = Best(3, () => RunTenSteps(tenSteps, Instances));
        Console.WriteLine($"ours   ten steps (service tasks, parallel split/join, timer boundary, two user tasks): {ten.Wall:F0} instances/s wall, {ten.Cpu:F0} per CPU second");

        var peer = RunPeer(Path.Combine(folder, "peer"), Path.Combine(folder, "review.bpmn"));
        Console.WriteLine(peer is { } p
            ? $"peer   bpmn-engine 25 on Node, same file: {p.Wall:F1} instances/s wall, {p.Cpu:F1} per CPU second"
            : "peer   bpmn-engine could not be run (see above)");
        if (peer is { Cpu: > 0 } measured) Console.WriteLine($"ratio per CPU second (steadier on a busy machine): {ours.Cpu / measured.Cpu:F1}");
        var ratio = peer is { Wall: > 0 } w ? ours.Wall / w.Wall : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT ours_per_s={ours.Wall:F0} peer_per_s={peer?.Wall ?? 0:F1} ratio={ratio:F1}"));
    }

    private static Rate Best(int rounds, Func<Rate> run) => Enumerable.Range(0, rounds).Select(_ => run()).MaxBy(r => r.Wall);

    /// <summary>Instances per second of wall-clock time and per second of this process's CPU time.</summary>
    private readonly record struct Rate(double Wall, double Cpu);

    private static Rate Measure(int count, Action run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        var wall = watch.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Rate(count / wall, used > 0 ? count / used : 0);
    }

    private static Rate RunReview(string bpmn, int count)
    {
        var engine = NewEngine(new ServiceTaskHandlers());
        Deploy(engine, "review.bpmn", bpmn);
        var ids = new Guid[count];
        var rate = Measure(count, () =>
        {
            for (var i = 0; i < count; i++)
            {
                ids[i] = engine.StartInstance("bench_review", new Dictionary<string, object?> { ["amount"] = i % 200 }).Expect();
                var task = engine.QueryTasks(new TaskQuery { InstanceId = ids[i], Limit = 1 }).Items[0];
                engine.CompleteTask(task.Id, null, "bench").Expect();
            }
        });
        var big = ids.Count(id => engine.History(id).Any(e => e.ElementId == "Big"));
        var expected = Enumerable.Range(0, count).Count(i => i % 200 > 100);
        if (big != expected) throw new InvalidOperationException($"Expected {expected} instances to end at Big, found {big}.");
        return rate;
    }

    private static Rate RunTenSteps(string bpmn, int count)
    {
        var handlers = new ServiceTaskHandlers()
            .Register("classify", c => ServiceTaskResult.Completed(new Dictionary<string, object?> { ["severity"] = (decimal)(c.Variables["n"] is decimal n ? n % 5 : 0) }))
            .Register("notify", _ => ServiceTaskResult.Completed());
        var engine = NewEngine(handlers);
        Deploy(engine, "ten-steps.bpmn", bpmn);
        return Measure(count, () =>
        {
            for (var i = 0; i < count; i++)
            {
                var id = engine.StartInstance("bench_ten_steps", new Dictionary<string, object?> { ["n"] = i }).Expect();
                var handle = engine.QueryTasks(new TaskQuery { InstanceId = id, Limit = 1 }).Items[0];
                engine.CompleteTask(handle.Id, null, "bench").Expect();
                var reviewTask = engine.QueryTasks(new TaskQuery { InstanceId = id, Limit = 1 }).Items[0];
                engine.CompleteTask(reviewTask.Id, null, "bench").Expect();
            }
        });
    }

    private static WorkflowEngine NewEngine(ServiceTaskHandlers handlers)
    {
        var clock = new AdjustableClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var feel = new FeelEngine(clock);
        return new WorkflowEngine(new InMemoryWorkflowStore(), clock, feel, new DmnEvaluator(feel), handlers);
    }

    private static void Deploy(WorkflowEngine engine, string name, string bpmn)
    {
        var deployed = engine.Deploy([new DeploymentResource(name, bpmn)]);
        if (!deployed.Succeeded) throw new InvalidOperationException(string.Join(Environment.NewLine, deployed.Problems));
    }

    /// <summary>Runs peer.mjs (after <c>npm ci</c> when node_modules is missing); null when Node or the peer is unavailable.</summary>
    private static Rate? RunPeer(string peerFolder, string bpmnPath)
    {
        if (!File.Exists(Path.Combine(peerFolder, "peer.mjs")))
        {
            Console.WriteLine($"peer   {peerFolder}/peer.mjs is missing");
            return null;
        }

        if (!Directory.Exists(Path.Combine(peerFolder, "node_modules")) && Shell(peerFolder, "npm", "ci --no-audit --no-fund") is null) return null;
        var output = Shell(peerFolder, "node", $"peer.mjs \"{bpmnPath}\" {Instances}");
        var json = output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (json is null) return null;
        Console.WriteLine($"peer   {json}");
        using var report = JsonDocument.Parse(json);
        return new Rate(report.RootElement.GetProperty("instancesPerSecond").GetDouble(), report.RootElement.GetProperty("instancesPerCpuSecond").GetDouble());
    }

    private static string? Shell(string folder, string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode == 0) return stdout.Result;
            Console.WriteLine($"peer   {program} {arguments} failed ({process.ExitCode}): {stderr.Result.Trim()}");
            return null;
        }
        catch (System.ComponentModel.Win32Exception failure)
        {
            Console.WriteLine($"peer   {program} is not available: {failure.Message}");
            return null;
        }
    }
}

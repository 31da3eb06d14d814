using CityOps.Flow.Engine.Dmn;
using CityOps.Flow.Engine.Feel;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.ServiceTasks;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityOps.Flow.Web.Workers;

public static class WorkflowRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflow runtime over the durable store: one <see cref="FeelEngine"/> with the working-time
    /// functions of the configured calendar, the DMN evaluator, the case lifecycle's service-task handlers, the
    /// <see cref="WorkflowEngine"/>, deployment of the
    /// workflows folder on start and this node's job executor. Needs <c>AddCityOpsStorage</c> first.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = new WorkflowRuntimeOptions();
        configuration.GetSection("Workflows").Bind(options);
        var folder = WorkflowFolder.Locate(options.Directory, contentRoot);
        var workerId = string.IsNullOrWhiteSpace(options.WorkerId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : options.WorkerId;

        services.AddSingleton(options);
        services.AddSingleton(folder);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => LoadCalendar(Path.Combine(folder.Path, options.Calendar)));
        services.AddSingleton(sp =>
        {
            var functions = new FeelFunctionRegistry();
            WorkingTimeFunctions.Register(functions, sp.GetRequiredService<WorkingTimeCalendar>());
            return new FeelEngine(sp.GetRequiredService<TimeProvider>(), functions);
        });
        services.AddSingleton(sp => new DmnEvaluator(sp.GetRequiredService<FeelEngine>()));
        services.AddSingleton(sp => CaseLifecycleHandlers.Register(
            new ServiceTaskHandlers(), sp.GetRequiredService<CaseRepository>(), sp.GetRequiredService<CityAreasSource>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("CityOps.Flow.Notices")));
        services.AddSingleton<JobWakeUp>();
        services.AddSingleton(sp => new WorkflowEngine(
            new SignallingWorkflowStore(sp.GetRequiredService<IWorkflowStore>(), sp.GetRequiredService<JobWakeUp>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<FeelEngine>(),
            sp.GetRequiredService<DmnEvaluator>(),
            sp.GetRequiredService<ServiceTaskHandlers>(),
            new WorkflowEngineOptions { WorkerId = workerId, JobLockDuration = options.LockDuration, JobBatchSize = options.BatchSize }));
        services.AddSingleton(new JobExecutorOptions
        {
            WorkerId = workerId,
            LockDuration = options.LockDuration,
            PollInterval = options.PollInterval,
            BatchSize = options.BatchSize,
            MaxAttempts = options.MaxAttempts,
            FirstRetryDelay = options.FirstRetryDelay,
        });
        services.AddSingleton<JobExecutor>();
        // Deployment first: hosted services start in order, and the executor may fire start timers it creates.
        services.AddHostedService<WorkflowDeployment>();
        if (options.RunJobs)
        {
            services.AddHostedService<JobExecutorService>();
        }

        return services;
    }

    private static WorkingTimeCalendar LoadCalendar(string path)
    {
        var loaded = WorkingTimeCalendarJson.Read(File.ReadAllText(path));
        return loaded.Calendar ?? throw new InvalidOperationException(
            $"The working-time calendar {path} cannot be loaded: {string.Join("; ", loaded.Problems)}");
    }
}

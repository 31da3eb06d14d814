using System.Xml;
using CityOps.Flow.Engine.Scheduling;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Engine.Storage;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Identity;
using CityOps.Flow.Web.Workers;

namespace CityOps.Flow.Web.Hosting;

/// <summary>
/// <c>GET|POST /api/testing/clock</c>: reads and moves the adjustable clock (administrators only). Mapped only when
/// <see cref="TestClockServiceCollectionExtensions.AddTestClock"/> installed one, so a normal host has no such route.
/// A move fires every timer it made due before it answers, so the caller sees the warnings, escalations and
/// callback silences it caused.
/// </summary>
public static class TestClockEndpoints
{
    // A job another thread holds (the executor started it just before the move) commits within moments; a job backing
    // off after a failure would not, so waiting is bounded.
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapTestClock(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<AdjustableClock>() is null)
        {
            return endpoints;
        }

        var clock = endpoints.MapGroup("/api/testing/clock")
            .RequireAuthorization(policy => policy.RequireRole(CityRoles.Administrator))
            .WithTags("Testing")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        clock.MapGet("/", (AdjustableClock adjustable, IWorkflowStore store) => Results.Ok(Reading(adjustable, store, 0)))
            .WithName("ReadTestClock")
            .WithSummary("The adjustable clock's time.")
            .Produces<ClockReading>();
        clock.MapPost("/", MoveAsync)
            .WithName("MoveTestClock")
            .WithSummary("Moves the adjustable clock forward (advanceBy: clock time; advanceWorking: working time on the district calendar; setTo: an instant) and fires the timers that became due.")
            .Accepts<ClockMove>("application/json")
            .Produces<ClockReading>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> MoveAsync(
        ClockMove move, AdjustableClock clock, WorkingTimeCalendar calendar, JobExecutor executor, JobWakeUp wakeUp,
        IWorkflowStore store, ILoggerFactory loggers, CancellationToken ct)
    {
        var (target, problem) = Target(move, clock.GetUtcNow(), calendar);
        if (target is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [problem!.Value.Field] = [problem.Value.Message] },
                title: "The clock cannot be moved so", detail: problem.Value.Message);
        }

        clock.SetUtcNow(target.Value);
        loggers.CreateLogger(typeof(TestClockEndpoints)).LogInformation("Test clock moved to {Now:O}", target.Value);
        // Everything due is due now: the executor wakes (or skips its next sleep) whatever it was waiting for.
        wakeUp.JobDue(DateTimeOffset.MinValue);

        var fired = 0;
        var settleBy = DateTimeOffset.UtcNow + SettleLimit;
        while (true)
        {
            fired += await Task.Run(() => executor.RunDueJobs(ct), ct);
            if (!DueJobsLeft(clock, store) || DateTimeOffset.UtcNow >= settleBy)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), TimeProvider.System, ct);
        }

        return Results.Ok(Reading(clock, store, fired));
    }

    private static (DateTimeOffset? Target, (string Field, string Message)? Problem) Target(ClockMove move, DateTimeOffset now, WorkingTimeCalendar calendar)
    {
        var given = (move.AdvanceBy is null ? 0 : 1) + (move.AdvanceWorking is null ? 0 : 1) + (move.SetTo is null ? 0 : 1);
        if (given != 1)
        {
            return (null, ("$", "give exactly one of advanceBy, advanceWorking and setTo"));
        }

        if (move.SetTo is { } instant)
        {
            return instant < now
                ? (null, ("setTo", $"{instant:O} is before the clock's {now:O}; the clock never runs backwards"))
                : (instant, null);
        }

        if (move.AdvanceBy is { } text)
        {
            TimeSpan by;
            try
            {
                by = XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return (null, ("advanceBy", $"'{text}' is not an ISO 8601 duration such as PT4H or P3D"));
            }

            return by < TimeSpan.Zero ? (null, ("advanceBy", "the clock never runs backwards")) : (now + by, null);
        }

        var limit = WorkingTimeLimit.TryParse(move.AdvanceWorking!, out var error);
        return limit is null
            ? (null, ("advanceWorking", error ?? $"'{move.AdvanceWorking}' is not a working-time limit such as PT4H or P2D"))
            : (calendar.DueAfter(now, limit).At, null);
    }

    private static bool DueJobsLeft(TimeProvider clock, IWorkflowStore store) => store.NextDueTime() is { } next && next <= clock.GetUtcNow();

    private static ClockReading Reading(AdjustableClock clock, IWorkflowStore store, int fired) =>
        new(clock.GetUtcNow(), fired, DueJobsLeft(clock, store));
}

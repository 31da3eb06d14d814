using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>
/// When a department may send a case back as misrouted (退单): with a reason, within a working-time window of the
/// dispatch (one working day by default), and not after the hotline has dispatched it several times, when it names
/// the handling unit itself and returns are no longer accepted.
/// </summary>
public sealed record MisroutingPolicy
{
    public static MisroutingPolicy Default { get; } = new();

    public TimeLimit ReturnWindow { get; init; } = TimeLimit.WorkingDays(1);

    /// <summary>After this many returns the next dispatch is final (指定派遣).</summary>
    public int MaxReturns { get; init; } = 3;

    /// <summary>Null when the return is allowed; otherwise the reason it is refused.</summary>
    public string? CheckReturn(CaseProjection state, string? reason, DateTimeOffset now, WorkingTimeCalendar calendar)
    {
        var allowed = CaseTransitions.Apply(state.Status, CaseCommand.Return);
        if (!allowed.Accepted)
        {
            return allowed.Refusal;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "a misrouted case is returned with a reason saying whose matter it is";
        }

        if (state.ReturnCount >= MaxReturns)
        {
            return $"cannot return a case already returned {state.ReturnCount} times; the dispatcher has named the handling unit";
        }

        if (state.LastDispatchedAt is { } dispatched && now > CaseDeadline.Due(calendar, dispatched, ReturnWindow).At)
        {
            return $"cannot return a case more than {Describe(ReturnWindow)} after it was dispatched; request assistance or an extension instead";
        }

        return null;
    }

    private static string Describe(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingDays => limit.Amount == 1 ? "1 working day" : $"{limit.Amount} working days",
        TimeLimitUnit.WorkingHours => limit.Amount == 1 ? "1 working hour" : $"{limit.Amount} working hours",
        _ => $"{limit.Amount} working minutes",
    };
}

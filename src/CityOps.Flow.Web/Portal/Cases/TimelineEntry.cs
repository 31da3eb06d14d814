namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// One step of a case as the timeline shows it: when, who, what (a <see cref="CasesText"/> key, with
/// <see cref="Subject"/> as its argument), and how much of the time limit was used by then, in working time.
/// </summary>
public sealed record TimelineEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The user who acted; null or <c>system</c> for the workflow itself.</summary>
    public string? Actor { get; init; }

    /// <summary>The text key of what happened, e.g. <c>Step.Accepted</c> or <c>Step.TaskCompleted</c>.</summary>
    public required string Step { get; init; }

    /// <summary>What the step names (a task, a timer), already in the reader's language.</summary>
    public string? Subject { get; init; }

    /// <summary>A reason or remark: the return reason, the department asked to assist, the candidate groups of a task.</summary>
    public string? Note { get; init; }

    /// <summary>Working time from the case's opening to this step.</summary>
    public required TimeSpan WorkingTimeUsed { get; init; }

    /// <summary>The working time the limit allows from opening to the due time; null when no limit is set.</summary>
    public TimeSpan? Limit { get; init; }

    /// <summary>Used over limit, 0–1 and beyond when late; null without a limit.</summary>
    public double? ShareOfLimit => Limit is { } limit && limit > TimeSpan.Zero ? WorkingTimeUsed / limit : null;
}

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>Why a task action was not taken.</summary>
public enum TaskRefusalKind
{
    /// <summary>No such case, or outside the caller's scope and offering them no task (the two are not told apart).</summary>
    UnknownCase,
    UnknownTask,
    /// <summary>The task is offered to groups the caller does not act for.</summary>
    NotYourTask,
    /// <summary>The case's status, the task, its holder or the workflow does not allow it now.</summary>
    NotAllowed,
    /// <summary>A field of the request is missing or malformed; see <see cref="TaskActionOutcome.Problems"/>.</summary>
    Invalid,
}

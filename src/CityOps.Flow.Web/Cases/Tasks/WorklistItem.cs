using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Runtime.Tasks;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>One open task in an inbox, with its case, where it stands against its limit and its priority level.</summary>
public sealed record WorklistItem(UserTaskRecord Task, CaseRecord Case, DueState DueState, int PriorityLevel)
{
    public IReadOnlyList<string> Actions => CaseTaskAction.For(Task.ElementId);
}

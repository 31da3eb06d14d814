using CityOps.Flow.Engine.Runtime.Tasks;

namespace CityOps.Flow.Engine.Storage;

/// <summary>Read side of open user tasks: the inboxes.</summary>
public interface ITaskQueries
{
    UserTaskRecord? FindTask(Guid taskId);

    /// <summary>Open tasks matching the query, ordered by due date (tasks without one last), then priority (highest first), then creation.</summary>
    TaskPage QueryTasks(TaskQuery query);
}

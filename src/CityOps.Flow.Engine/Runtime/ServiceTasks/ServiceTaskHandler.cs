namespace CityOps.Flow.Engine.Runtime.ServiceTasks;

/// <summary>
/// Does the work of a service (or send) task synchronously inside the command. Throw <see cref="BpmnErrorException"/>
/// or return <see cref="ServiceTaskResult.Error"/> for a business error; any other exception becomes an incident.
/// </summary>
public delegate ServiceTaskResult ServiceTaskHandler(ServiceTaskContext context);

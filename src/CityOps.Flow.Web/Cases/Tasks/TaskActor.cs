using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases.Tasks;

/// <summary>
/// Who works on case tasks: the user id tasks are assigned to, the name history records, the candidate groups they
/// act for (see <see cref="TaskGroups"/>) and the data scope their case reads take.
/// </summary>
public sealed record TaskActor(string UserId, string Name, IReadOnlyList<string> Groups, DataScope Scope);

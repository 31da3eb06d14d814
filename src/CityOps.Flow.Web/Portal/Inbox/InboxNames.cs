using System.Globalization;
using CityOps.Flow.Cases.Catalog;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using CityOps.Flow.Web.Cases.Tasks;

namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>
/// Names the inbox shows in the reader's language (categories, areas, departments, people holding tasks) and times in
/// the district's local time; read once per request.
/// </summary>
public sealed class InboxNames
{
    private readonly Dictionary<string, AreaRecord> areas;
    private readonly Dictionary<string, DepartmentRecord> departments;
    private readonly CategoryCatalog catalog;
    private readonly TimeZoneInfo zone;
    private readonly UserRepository users;
    private readonly Dictionary<string, string> people = new(StringComparer.Ordinal);

    private InboxNames(IReadOnlyList<AreaRecord> areas, IReadOnlyList<DepartmentRecord> departments, CategoryCatalog catalog, TimeZoneInfo zone, UserRepository users)
    {
        this.areas = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        this.departments = departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        this.catalog = catalog;
        this.zone = zone;
        this.users = users;
        Areas = areas;
        Departments = departments;
    }

    public IReadOnlyList<AreaRecord> Areas { get; }

    public IReadOnlyList<DepartmentRecord> Departments { get; }

    public IEnumerable<Category> Categories => catalog.Categories;

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static async Task<InboxNames> LoadAsync(OrgRepository org, UserRepository users, CategoryCatalog catalog, WorkingTimeCalendar calendar, CancellationToken ct = default) =>
        new(await org.ListAreasAsync(ct), await org.ListDepartmentsAsync(ct), catalog, calendar.TimeZone, users);

    public string Category(string code) => catalog.Find(code)?.NameFor(CultureInfo.CurrentUICulture) ?? code;

    public string Area(string id) => areas.TryGetValue(id, out var area) ? (Chinese ? area.Name : area.NameEn) : id;

    public string Name(AreaRecord area) => Chinese ? area.Name : area.NameEn;

    public string Department(string id) => departments.TryGetValue(id, out var department) ? Name(department) : id;

    public string Name(DepartmentRecord department) => Chinese ? department.Name : department.NameEn;

    /// <summary>The most precise known place of a case: its community, else its street.</summary>
    public string? Place(CaseRecord found) =>
        found.CommunityId is { } community && areas.ContainsKey(community) ? Area(community)
        : found.StreetId is { } street ? Area(street)
        : null;

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>The display name of a user id, looked up once per request.</summary>
    public async Task<string> PersonAsync(string userId, CancellationToken ct = default)
    {
        if (!people.TryGetValue(userId, out var name))
        {
            name = (await users.FindByIdAsync(userId, ct))?.DisplayName ?? userId;
            people[userId] = name;
        }

        return name;
    }

    public async Task<InboxRowView> RowAsync(WorklistItem item, TaskActor reader, CancellationToken ct = default)
    {
        var found = item.Case;
        var task = item.Task;
        return new InboxRowView
        {
            TaskId = task.Id,
            CaseId = found.Id,
            CaseNumber = found.Number,
            ElementId = task.ElementId,
            Status = found.Status,
            CategoryName = Category(found.CategoryCode),
            AreaName = Place(found),
            Address = found.Address,
            Description = found.Description,
            DueState = item.DueState,
            DueLocal = task.DueDate is { } due ? Local(due) : null,
            PriorityLevel = item.PriorityLevel,
            HeldByMe = task.Assignee == reader.UserId,
            Holder = task.Assignee is { } holder && holder != reader.UserId ? await PersonAsync(holder, ct) : null,
            IsKeyCase = found.IsKeyCase,
            ClusterSize = found.ClusterSize,
            ArrivedLocal = Local(task.CreatedAt),
        };
    }
}

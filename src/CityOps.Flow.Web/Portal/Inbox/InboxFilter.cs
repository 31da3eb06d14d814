using System.Globalization;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Web.Cases.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace CityOps.Flow.Web.Portal.Inbox;

/// <summary>
/// The inbox's filters as they travel in its address (<c>?due=Overdue&amp;category=01&amp;area=310199001&amp;priority=1&amp;sort=Newest&amp;mine=true&amp;offset=25</c>),
/// so a filtered inbox can be bookmarked, reloaded and polled. Unknown values are ignored rather than refused: this is a page, not an API.
/// </summary>
public sealed record InboxFilter
{
    public const int PageSize = 25;

    public DueState? Due { get; init; }

    public string? Category { get; init; }

    public string? Area { get; init; }

    public int? Priority { get; init; }

    public WorklistSort Sort { get; init; } = WorklistSort.Due;

    public bool Mine { get; init; }

    public int Offset { get; init; }

    public bool IsFiltered => Due is not null || Category is not null || Area is not null || Priority is not null || Mine;

    public static InboxFilter Parse(Func<string, string?> value) => new()
    {
        Due = Enum.TryParse<DueState>(value("due"), ignoreCase: true, out var due) && Enum.IsDefined(due) ? due : null,
        Category = Blank(value("category")),
        Area = Blank(value("area")),
        Priority = int.TryParse(value("priority"), CultureInfo.InvariantCulture, out var priority)
                   && priority is >= TaskPriority.Highest and <= TaskPriority.Lowest ? priority : null,
        Sort = Enum.TryParse<WorklistSort>(value("sort"), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : WorklistSort.Due,
        Mine = value("mine") is "true" or "on",
        Offset = int.TryParse(value("offset"), CultureInfo.InvariantCulture, out var offset) && offset > 0 ? offset : 0,
    };

    public static InboxFilter From(IQueryCollection query) => Parse(name => query[name].FirstOrDefault());

    public WorklistQuery ToQuery() => new()
    {
        DueState = Due, CategoryCode = Category, AreaId = Area, Priority = Priority, HeldByMe = Mine, Sort = Sort, Offset = Offset, Limit = PageSize,
    };

    /// <summary>The filters (not the page) as a query string, <c>?…</c>, or empty when nothing is filtered or sorted.</summary>
    public string QueryString()
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                values.Add(new(name, value));
            }
        }

        Add("due", Due?.ToString());
        Add("category", Category);
        Add("area", Area);
        Add("priority", Priority?.ToString(CultureInfo.InvariantCulture));
        Add("sort", Sort == WorklistSort.Due ? null : Sort.ToString());
        Add("mine", Mine ? "true" : null);
        return values.Count == 0 ? "" : QueryHelpers.AddQueryString("", values);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

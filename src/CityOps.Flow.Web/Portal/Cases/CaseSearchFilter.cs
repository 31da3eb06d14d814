using System.Globalization;
using CityOps.Flow.Cases.Intake;
using CityOps.Flow.Cases.Lifecycle;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using CityOps.Flow.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>
/// The case search as the query string carries it, so a search is a link people bookmark and send: <c>street</c>,
/// <c>from</c> and <c>to</c> (days, both included, in the district's time zone), <c>q</c> (keyword), <c>category</c>,
/// <c>status</c>, <c>channel</c> and <c>department</c>. The search page and the CSV export read the same fields.
/// </summary>
public sealed record CaseSearchFilter
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? Street { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Keyword { get; init; }

    public string? Category { get; init; }

    public string? Status { get; init; }

    public string? Channel { get; init; }

    public string? Department { get; init; }

    public bool IsEmpty => QueryPairs().Count == 0;

    public static CaseSearchFilter Read(IQueryCollection query) => new()
    {
        Street = Value(query, "street"),
        From = Value(query, "from"),
        To = Value(query, "to"),
        Keyword = Value(query, "q"),
        Category = Value(query, "category"),
        Status = Value(query, "status"),
        Channel = Value(query, "channel"),
        Department = Value(query, "department"),
    };

    /// <summary>
    /// The storage query, or the problems by field (each a <see cref="CasesText"/> key) when a value cannot be read.
    /// Days are whole days on the calendar's clock: <c>to=2026-11-21</c> includes all of 21 November.
    /// </summary>
    public (CaseQuery? Query, IReadOnlyDictionary<string, string> Problems) ToQuery(WorkingTimeCalendar calendar)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var from = ReadDay(From, "from", problems);
        var to = ReadDay(To, "to", problems);
        if (from is { } first && to is { } last && last < first)
        {
            problems["to"] = "Error.ToBeforeFrom";
        }

        CaseStatus? status = null;
        if (Status is not null)
        {
            if (Enum.TryParse<CaseStatus>(Status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(Status[0]))
            {
                status = parsed;
            }
            else
            {
                problems["status"] = "Error.Status";
            }
        }

        Channel? channel = null;
        if (Channel is not null)
        {
            if (ChannelCode.TryParse(Channel, out var parsed))
            {
                channel = parsed;
            }
            else
            {
                problems["channel"] = "Error.Channel";
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new CaseQuery
        {
            AreaId = Street,
            OpenedFrom = from is { } day ? calendar.FromLocal(day.ToDateTime(TimeOnly.MinValue)) : null,
            OpenedTo = to is { } end ? calendar.FromLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            Keyword = Keyword,
            CategoryCode = Category,
            Status = status,
            Channel = channel,
            DepartmentId = Department,
        }, problems);
    }

    /// <summary>The filter as a query string (with a leading <c>?</c>, or empty), plus a page cursor when given.</summary>
    public string QueryString(string? cursor = null)
    {
        var pairs = QueryPairs();
        if (cursor is not null)
        {
            pairs.Add(new("cursor", cursor));
        }

        return pairs.Count == 0 ? "" : QueryHelpers.AddQueryString("", pairs);
    }

    private List<KeyValuePair<string, string?>> QueryPairs()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(name, value));
            }
        }

        Add("street", Street);
        Add("from", From);
        Add("to", To);
        Add("q", Keyword);
        Add("category", Category);
        Add("status", Status);
        Add("channel", Channel);
        Add("department", Department);
        return pairs;
    }

    private static DateOnly? ReadDay(string? text, string field, Dictionary<string, string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[field] = "Error.Date";
        return null;
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}

using System.Globalization;
using CityOps.Flow.Cases.Supervision;
using CityOps.Flow.Engine.Scheduling.WorkingTime;
using Microsoft.Extensions.Localization;

namespace CityOps.Flow.Web.Portal.Cases;

/// <summary>How case pages write times, working-time spans and due states: on the district's clock, in the reader's language.</summary>
public static class CaseFormatting
{
    /// <summary>A moment on the calendar's clock (Beijing time for the district), to the minute.</summary>
    public static string Time(WorkingTimeCalendar calendar, DateTimeOffset? instant) =>
        instant is { } at ? calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Working time as people count it: minutes under an hour, else hours to one decimal.</summary>
    public static string WorkingTime(IStringLocalizer<CasesText> text, TimeSpan span) =>
        span < TimeSpan.FromHours(1)
            ? text["Duration.Minutes", ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture)]
            : text["Duration.Hours", span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)];

    /// <summary>The Tabler badge colour of a due state.</summary>
    public static string BadgeClass(DueState state) => state switch
    {
        DueState.Overdue => "bg-red-lt",
        DueState.NearDue => "bg-yellow-lt",
        DueState.OnTime => "bg-green-lt",
        _ => "bg-secondary-lt",
    };

    /// <summary>
    /// The part of a bilingual model name for the reader: the lifecycle names its tasks
    /// <c>立案派遣 Dispatcher files the case</c>, Chinese first.
    /// </summary>
    public static string ModelName(string? name, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !name[..space].Any(c => c >= '\u3400') || name[(space + 1)..].Any(c => c >= '\u3400'))
        {
            return name;
        }

        return culture.TwoLetterISOLanguageName == "zh" ? name[..space] : name[(space + 1)..];
    }
}

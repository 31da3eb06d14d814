using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// Reads and writes calendar files. Shape (an administrator appends one <c>years</c> entry per published notice):
/// <code>
/// { "name": "...", "timeZone": "Asia/Shanghai", "fallbackUtcOffset": "+08:00", "missingYears": "assumeRegularWeeks",
///   "weeklyHours": { "monday": ["09:00-12:00", "13:30-17:30"], ... },
///   "years": [ { "year": 2026, "source": "...",
///                "holidays": [ { "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" }, { "name": "...", "date": "..." } ],
///                "adjustedWorkingDays": [ { "name": "国庆节调休上班", "date": "2026-10-10", "followsWeekday": "monday" } ] } ] }
/// </code>
/// </summary>
public static class WorkingTimeCalendarJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a calendar file; every defect comes back as a located problem, nothing throws.</summary>
    public static CalendarLoadResult Read(string json)
    {
        CalendarDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CalendarDocument>(json, Options);
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, column {error.BytePositionInLine + 1})" : "";
            return Failed(new CalendarProblem(error.Path ?? "$", $"not a calendar file{where}: {FirstSentence(error.Message)}"));
        }

        if (document is null)
        {
            return Failed(new CalendarProblem("$", "the file holds no calendar"));
        }

        var problems = new List<CalendarProblem>();
        var definition = ToDefinition(document, problems);
        if (problems.Count > 0)
        {
            return new CalendarLoadResult(null, problems);
        }

        return WorkingTimeCalendar.TryCreate(definition, out var calendar, out var found)
            ? new CalendarLoadResult(calendar, [])
            : new CalendarLoadResult(null, found);
    }

    /// <summary>Writes a definition in the shape <see cref="Read"/> accepts.</summary>
    public static string Write(WorkingTimeCalendarDefinition definition)
    {
        var document = new CalendarDocument(
            definition.Name,
            definition.TimeZone,
            definition.FallbackUtcOffset is { } offset ? CalendarTimeZone.FormatOffset(offset) : null,
            JsonNamingPolicy.CamelCase.ConvertName(definition.MissingYears.ToString()),
            Enum.GetValues<DayOfWeek>()
                .Select(day => (Day: (int)(day + 6) % 7, Key: CalendarDefinitionRules.WeekdayKey(day), Hours: definition.WeeklyHours.GetValueOrDefault(day)))
                .Where(entry => entry.Hours is { Count: > 0 })
                .OrderBy(entry => entry.Day)
                .ToDictionary(entry => entry.Key, entry => entry.Hours!.Select(interval => interval.ToString()).ToList()),
            [.. definition.Years.Select(year => new HolidayYearDocument(
                year.Year,
                year.Source,
                [.. year.Holidays.Select(holiday => holiday.From == holiday.To
                    ? new HolidayDocument(holiday.Name, Format(holiday.From), null, null)
                    : new HolidayDocument(holiday.Name, null, Format(holiday.From), Format(holiday.To)))],
                [.. year.AdjustedWorkingDays.Select(day => new AdjustedWorkingDayDocument(
                    day.Name, Format(day.Date), CalendarDefinitionRules.WeekdayKey(day.FollowsWeekday)))]))]);
        return JsonSerializer.Serialize(document, Options);
    }

    private static WorkingTimeCalendarDefinition ToDefinition(CalendarDocument document, List<CalendarProblem> problems)
    {
        TimeSpan? fallback = null;
        if (document.FallbackUtcOffset is { } offsetText)
        {
            if (CalendarTimeZone.TryParseOffset(offsetText, out var offset))
            {
                fallback = offset;
            }
            else
            {
                problems.Add(new("fallbackUtcOffset", $"'{offsetText}' is not an offset such as +08:00"));
            }
        }

        var policy = MissingYearPolicy.AssumeRegularWeeks;
        if (document.MissingYears is { } policyText && !Enum.TryParse(policyText, ignoreCase: true, out policy))
        {
            problems.Add(new("missingYears", $"'{policyText}' is neither assumeRegularWeeks nor refuse"));
        }

        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var (key, texts) in document.WeeklyHours ?? [])
        {
            if (!Enum.TryParse<DayOfWeek>(key, ignoreCase: true, out var day) || int.TryParse(key, out _))
            {
                problems.Add(new($"weeklyHours.{key}", $"'{key}' is not a weekday (monday ... sunday)"));
                continue;
            }

            var intervals = new List<WorkingInterval>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (WorkingInterval.TryParse(texts[i], out var error) is { } interval)
                {
                    intervals.Add(interval);
                }
                else
                {
                    problems.Add(new($"weeklyHours.{key}[{i}]", error!));
                }
            }

            weekly[day] = intervals;
        }

        if (document.WeeklyHours is null)
        {
            problems.Add(new("weeklyHours", "a calendar needs weekly hours, e.g. \"monday\": [\"09:00-12:00\", \"13:30-17:30\"]"));
        }

        var years = new List<HolidayYear>();
        var yearDocuments = document.Years ?? [];
        for (var y = 0; y < yearDocuments.Count; y++)
        {
            years.Add(ToYear(yearDocuments[y], $"years[{y}]", problems));
        }

        return new WorkingTimeCalendarDefinition
        {
            Name = document.Name ?? "",
            TimeZone = document.TimeZone ?? "",
            FallbackUtcOffset = fallback,
            MissingYears = policy,
            WeeklyHours = weekly,
            Years = years,
        };
    }

    private static HolidayYear ToYear(HolidayYearDocument document, string path, List<CalendarProblem> problems)
    {
        if (document.Year is null)
        {
            problems.Add(new($"{path}.year", "each entry of years needs its year"));
        }

        var holidays = new List<PublicHoliday>();
        var holidayDocuments = document.Holidays ?? [];
        for (var h = 0; h < holidayDocuments.Count; h++)
        {
            var holiday = holidayDocuments[h];
            var at = $"{path}.holidays[{h}]";
            if (holiday.Date is not null && (holiday.From is not null || holiday.To is not null))
            {
                problems.Add(new(at, "give either date, or from and to, not both"));
                continue;
            }

            var from = ParseDate(holiday.Date ?? holiday.From, at + (holiday.Date is null ? ".from" : ".date"), problems);
            var to = ParseDate(holiday.Date ?? holiday.To, at + (holiday.Date is null ? ".to" : ".date"), problems);
            if (from is { } first && to is { } last)
            {
                holidays.Add(new PublicHoliday(holiday.Name ?? "", first, last));
            }
        }

        var adjusted = new List<AdjustedWorkingDay>();
        var adjustedDocuments = document.AdjustedWorkingDays ?? [];
        for (var a = 0; a < adjustedDocuments.Count; a++)
        {
            var day = adjustedDocuments[a];
            var at = $"{path}.adjustedWorkingDays[{a}]";
            var follows = DayOfWeek.Monday;
            if (day.FollowsWeekday is { } weekday
                && (!Enum.TryParse(weekday, ignoreCase: true, out follows) || int.TryParse(weekday, out _)))
            {
                problems.Add(new($"{at}.followsWeekday", $"'{weekday}' is not a weekday (monday ... sunday)"));
                continue;
            }

            if (ParseDate(day.Date, $"{at}.date", problems) is { } date)
            {
                adjusted.Add(new AdjustedWorkingDay(day.Name ?? "调休上班", date, follows));
            }
        }

        return new HolidayYear
        {
            Year = document.Year ?? 0,
            Source = document.Source,
            Holidays = holidays,
            AdjustedWorkingDays = adjusted,
        };
    }

    private static DateOnly? ParseDate(string? text, string path, List<CalendarProblem> problems)
    {
        if (text is null)
        {
            problems.Add(new(path, "a date is missing (yyyy-MM-dd)"));
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new(path, $"'{text}' is not a date written yyyy-MM-dd"));
        return null;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private static CalendarLoadResult Failed(CalendarProblem problem) => new(null, [problem]);
}

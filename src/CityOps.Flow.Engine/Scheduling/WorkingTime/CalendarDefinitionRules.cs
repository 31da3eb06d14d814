namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>The consistency rules a calendar definition must meet before it can compute due dates.</summary>
internal static class CalendarDefinitionRules
{
    public static IReadOnlyList<CalendarProblem> Check(WorkingTimeCalendarDefinition definition)
    {
        var problems = new List<CalendarProblem>();
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new("name", "a calendar needs a name"));
        }

        if (string.IsNullOrWhiteSpace(definition.TimeZone))
        {
            problems.Add(new("timeZone", "a calendar needs a time zone, e.g. Asia/Shanghai"));
        }

        CheckWeeklyHours(definition.WeeklyHours, problems);
        CheckYears(definition, problems);
        return problems;
    }

    internal static string WeekdayKey(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static void CheckWeeklyHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> weekly, List<CalendarProblem> problems)
    {
        var anyWork = false;
        foreach (var (day, intervals) in weekly.OrderBy(pair => pair.Key))
        {
            var path = $"weeklyHours.{WeekdayKey(day)}";
            for (var i = 0; i < intervals.Count; i++)
            {
                var interval = intervals[i];
                if (interval.Start < TimeSpan.Zero || interval.End > TimeSpan.FromDays(1))
                {
                    problems.Add(new($"{path}[{i}]", $"{interval} is not within one day (00:00 to 24:00)"));
                }
                else if (interval.End < interval.Start)
                {
                    problems.Add(new($"{path}[{i}]", $"{interval} ends before it starts"));
                }
                else if (interval.End == interval.Start)
                {
                    problems.Add(new($"{path}[{i}]", $"{interval} is empty"));
                }
                else
                {
                    anyWork = true;
                }
            }

            var ordered = intervals.Select((interval, index) => (interval, index))
                .Where(pair => pair.interval.End > pair.interval.Start)
                .OrderBy(pair => pair.interval.Start)
                .ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, previousIndex) = ordered[i - 1];
                var (current, currentIndex) = ordered[i];
                if (current.Start < previous.End)
                {
                    problems.Add(new($"{path}[{currentIndex}]", $"{current} overlaps {previous} ({path}[{previousIndex}])"));
                }
            }
        }

        if (!anyWork)
        {
            problems.Add(new("weeklyHours", "no weekday has working hours, so no time limit could ever fall due"));
        }
    }

    private static void CheckYears(WorkingTimeCalendarDefinition definition, List<CalendarProblem> problems)
    {
        var yearPaths = new Dictionary<int, string>();
        var holidayDays = new Dictionary<DateOnly, (string Path, string Name)>();
        var adjustedDays = new Dictionary<DateOnly, string>();
        for (var y = 0; y < definition.Years.Count; y++)
        {
            var year = definition.Years[y];
            var yearPath = $"years[{y}]";
            if (year.Year is < 1900 or > 9998)
            {
                problems.Add(new($"{yearPath}.year", $"{year.Year} is not a year this calendar can hold (1900 to 9998)"));
                continue;
            }

            if (!yearPaths.TryAdd(year.Year, yearPath))
            {
                problems.Add(new($"{yearPath}.year", $"{year.Year} is listed twice (also at {yearPaths[year.Year]})"));
            }

            for (var h = 0; h < year.Holidays.Count; h++)
            {
                var holiday = year.Holidays[h];
                var path = $"{yearPath}.holidays[{h}]";
                if (string.IsNullOrWhiteSpace(holiday.Name))
                {
                    problems.Add(new(path, "a holiday needs a name"));
                }

                if (holiday.To < holiday.From)
                {
                    problems.Add(new(path, $"'{holiday.Name}' ends on {holiday.To:yyyy-MM-dd}, before it starts on {holiday.From:yyyy-MM-dd}"));
                    continue;
                }

                if (!NearYear(holiday.From, year.Year) || !NearYear(holiday.To, year.Year))
                {
                    problems.Add(new(path, $"'{holiday.Name}' ({holiday.From:yyyy-MM-dd} to {holiday.To:yyyy-MM-dd}) lies outside {year.Year} and the days bordering it"));
                    continue;
                }

                foreach (var day in holiday.Days())
                {
                    if (!holidayDays.TryAdd(day, (path, holiday.Name)))
                    {
                        problems.Add(new(path, $"{day:yyyy-MM-dd} is already a holiday at {holidayDays[day].Path}"));
                    }
                }
            }

            for (var a = 0; a < year.AdjustedWorkingDays.Count; a++)
            {
                var adjusted = year.AdjustedWorkingDays[a];
                var path = $"{yearPath}.adjustedWorkingDays[{a}]";
                if (!NearYear(adjusted.Date, year.Year))
                {
                    problems.Add(new(path, $"{adjusted.Date:yyyy-MM-dd} lies outside {year.Year} and the days bordering it"));
                    continue;
                }

                if (!adjustedDays.TryAdd(adjusted.Date, path))
                {
                    problems.Add(new(path, $"{adjusted.Date:yyyy-MM-dd} is already an adjusted working day at {adjustedDays[adjusted.Date]}"));
                }

                var followed = definition.WeeklyHours.GetValueOrDefault(adjusted.FollowsWeekday) ?? [];
                if (followed.Count == 0)
                {
                    problems.Add(new(path, $"{adjusted.Date:yyyy-MM-dd} follows {adjusted.FollowsWeekday}, which has no working hours"));
                }
                else if (adjusted.Date.DayOfWeek == adjusted.FollowsWeekday)
                {
                    problems.Add(new(path, $"{adjusted.Date:yyyy-MM-dd} is a {adjusted.Date.DayOfWeek} with its own hours already; an adjusted working day must change something"));
                }
            }
        }

        foreach (var (day, adjustedPath) in adjustedDays)
        {
            if (holidayDays.TryGetValue(day, out var holiday))
            {
                problems.Add(new(adjustedPath, $"{day:yyyy-MM-dd} is both an adjusted working day and part of the holiday '{holiday.Name}' ({holiday.Path})"));
            }
        }
    }

    // A notice may reach into the neighbouring year (the 2023 New Year holiday began on 31 December 2022).
    private static bool NearYear(DateOnly day, int year) => Math.Abs(day.Year - year) <= 1;
}

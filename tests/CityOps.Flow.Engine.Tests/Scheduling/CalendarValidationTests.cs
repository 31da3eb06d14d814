using CityOps.Flow.Engine.Scheduling.WorkingTime;

namespace CityOps.Flow.Engine.Tests.Scheduling;

public sealed class CalendarValidationTests
{
    private static IReadOnlyList<CalendarProblem> ProblemsOf(string json)
    {
        var result = WorkingTimeCalendarJson.Read(json);
        Assert.Null(result.Calendar);
        return result.Problems;
    }

    private static string Calendar(string weeklyHours, string years = "[]") =>
        $$"""{ "name": "Test", "timeZone": "Asia/Shanghai", "weeklyHours": {{{weeklyHours}}}, "years": {{years}} }""";

    [Fact]
    public void Overlapping_intervals_are_named_with_both_positions()
    {
        var problem = Assert.Single(ProblemsOf(Calendar("""  "monday": ["09:00-12:00", "11:30-17:30"]  """)));

        Assert.Equal("weeklyHours.monday[1]", problem.Path);
        Assert.Equal("11:30-17:30 overlaps 09:00-12:00 (weeklyHours.monday[0])", problem.Message);
    }

    [Fact]
    public void Interval_ending_before_it_starts_is_refused()
    {
        var problems = ProblemsOf(Calendar("""  "monday": ["09:00-12:00"], "tuesday": ["17:30-13:30"]  """));

        var problem = Assert.Single(problems);
        Assert.Equal("weeklyHours.tuesday[0]", problem.Path);
        Assert.Equal("17:30-13:30 ends before it starts", problem.Message);
    }

    [Fact]
    public void Date_both_holiday_and_adjusted_working_day_is_refused()
    {
        var problem = Assert.Single(ProblemsOf(Calendar(
            """ "monday": ["09:00-17:00"] """,
            """[ { "year": 2026, "holidays": [ { "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" } ], "adjustedWorkingDays": [ { "name": "调休", "date": "2026-10-10" }, { "name": "调休", "date": "2026-10-03" } ] } ]""")));

        Assert.Equal("years[0].adjustedWorkingDays[1]", problem.Path);
        Assert.Contains("2026-10-03 is both an adjusted working day and part of the holiday '国庆节' (years[0].holidays[0])", problem.Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var problems = ProblemsOf(Calendar(
            """ "monday": ["9-12"], "funday": ["09:00-12:00"] """,
            """[ { "year": 2026, "holidays": [ { "name": "春节", "from": "2026-02-23", "to": "2026-02-15" }, { "name": "x", "date": "2026-13-01" } ] }, { "year": 2026 } ]"""));

        Assert.Contains(problems, p => p.Path == "weeklyHours.monday[0]" && p.Message.Contains("'9-12' has a time that is not HH:mm"));
        Assert.Contains(problems, p => p.Path == "weeklyHours.funday" && p.Message.Contains("not a weekday"));
        Assert.Contains(problems, p => p.Path == "years[0].holidays[1].date" && p.Message.Contains("'2026-13-01' is not a date"));
    }

    [Fact]
    public void Semantic_year_problems_are_located()
    {
        var problems = ProblemsOf(Calendar(
            """ "monday": ["09:00-12:00"] """,
            """[ { "year": 2026, "holidays": [ { "name": "春节", "from": "2026-02-23", "to": "2026-02-15" } ], "adjustedWorkingDays": [ { "name": "调休", "date": "2026-02-14", "followsWeekday": "sunday" } ] }, { "year": 2026 } ]"""));

        Assert.Contains(problems, p => p.Path == "years[0].holidays[0]" && p.Message.Contains("ends on 2026-02-15, before it starts on 2026-02-23"));
        Assert.Contains(problems, p => p.Path == "years[0].adjustedWorkingDays[0]" && p.Message.Contains("follows Sunday, which has no working hours"));
        Assert.Contains(problems, p => p.Path == "years[1].year" && p.Message.Contains("listed twice"));
    }

    [Fact]
    public void Week_without_working_hours_is_refused()
    {
        var problem = Assert.Single(ProblemsOf(Calendar("")));

        Assert.Equal("weeklyHours", problem.Path);
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var problem = Assert.Single(ProblemsOf("{\n  \"name\": \"Test\",\n  \"timeZone\": \n}"));

        Assert.Contains("line 4", problem.Message);
    }

    [Fact]
    public void Misspelt_field_is_reported_rather_than_ignored()
    {
        var problem = Assert.Single(ProblemsOf(Calendar(""" "monday": ["09:00-12:00"] """, """[ { "year": 2026, "holiday": [] } ]""")));

        Assert.Contains("holiday", problem.Message);
    }

    [Fact]
    public void Calendar_built_in_code_with_a_defect_is_a_bug()
    {
        var definition = new WorkingTimeCalendarDefinition
        {
            Name = "Broken",
            TimeZone = "Asia/Shanghai",
            WeeklyHours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>
            {
                [DayOfWeek.Monday] = [WorkingInterval.Of(9, 0, 12, 0), WorkingInterval.Of(10, 0, 11, 0)],
            },
        };

        var error = Assert.Throws<ArgumentException>(() => WorkingTimeCalendar.Create(definition));
        Assert.Contains("10:00-11:00 overlaps 09:00-12:00", error.Message);
    }
}

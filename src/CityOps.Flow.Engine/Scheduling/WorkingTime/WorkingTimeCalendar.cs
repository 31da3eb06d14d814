using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Engine.Scheduling.WorkingTime;

/// <summary>
/// Working hours, weekends, public holidays and adjusted working days (调休) of one authority, in one time zone:
/// the ruler case time limits (工作时/工作日) are measured with. Immutable and safe to share; per-year tables are
/// built on first use and cached, so a calculation costs a few binary searches plus one step per year spanned.
/// </summary>
/// <remarks>
/// Working time is real elapsed time inside the working intervals, which are wall-clock times in the calendar's
/// zone: across a daylight-saving change a 09:00 start stays 09:00 local. A year the calendar holds no holiday
/// arrangement for is counted as regular weeks or refused, as <see cref="MissingYears"/> says.
/// </remarks>
public sealed partial class WorkingTimeCalendar
{
    private const int MaxYearsSearched = 200;

    private readonly IReadOnlyList<WorkingInterval>[] _weekly;
    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, AdjustedWorkingDay> _adjusted;
    private readonly HashSet<int> _knownYears;
    private readonly WorkingYear?[] _years = new WorkingYear?[10_000];
    private readonly long _baseOffsetTicks;

    private WorkingTimeCalendar(WorkingTimeCalendarDefinition definition, TimeZoneInfo zone, IReadOnlyList<string> warnings)
    {
        // A snapshot, so that a caller changing its lists afterwards cannot change the calendar.
        Definition = definition with
        {
            WeeklyHours = definition.WeeklyHours.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<WorkingInterval>)pair.Value.ToList().AsReadOnly()).AsReadOnly(),
            Years = definition.Years.Select(year => year with
            {
                Holidays = year.Holidays.ToList().AsReadOnly(),
                AdjustedWorkingDays = year.AdjustedWorkingDays.ToList().AsReadOnly(),
            }).ToList().AsReadOnly(),
        };
        TimeZone = zone;
        _baseOffsetTicks = zone.BaseUtcOffset.Ticks;
        Warnings = warnings;
        _weekly = new IReadOnlyList<WorkingInterval>[7];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _weekly[(int)day] = (definition.WeeklyHours.GetValueOrDefault(day) ?? []).OrderBy(interval => interval.Start).ToList().AsReadOnly();
        }

        _holidays = [];
        _adjusted = [];
        foreach (var year in Definition.Years)
        {
            foreach (var holiday in year.Holidays)
            {
                foreach (var day in holiday.Days())
                {
                    _holidays[day] = holiday.Name;
                }
            }

            foreach (var adjusted in year.AdjustedWorkingDays)
            {
                _adjusted[adjusted.Date] = adjusted;
            }
        }

        _knownYears = [.. Definition.Years.Select(year => year.Year)];
    }

    public string Name => Definition.Name;

    /// <summary>The definition this calendar was made from, for storing it again.</summary>
    public WorkingTimeCalendarDefinition Definition { get; }

    public TimeZoneInfo TimeZone { get; }

    public MissingYearPolicy MissingYears => Definition.MissingYears;

    /// <summary>What the calendar had to assume when it was made, e.g. a fixed offset because the zone is not installed.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Makes a calendar, or returns every problem found in the definition.</summary>
    public static bool TryCreate(
        WorkingTimeCalendarDefinition definition,
        [NotNullWhen(true)] out WorkingTimeCalendar? calendar,
        out IReadOnlyList<CalendarProblem> problems)
    {
        var found = new List<CalendarProblem>(definition.Validate());
        var warnings = new List<string>();
        var zone = CalendarTimeZone.Resolve(definition.TimeZone, definition.FallbackUtcOffset, found, warnings);
        problems = found;
        calendar = found.Count == 0 && zone is not null ? new WorkingTimeCalendar(definition, zone, warnings) : null;
        return calendar is not null;
    }

    /// <summary>Makes a calendar from a definition known to be sound (code, tests); a defect is a bug and throws.</summary>
    public static WorkingTimeCalendar Create(WorkingTimeCalendarDefinition definition) =>
        TryCreate(definition, out var calendar, out var problems)
            ? calendar
            : throw new ArgumentException(
                $"Calendar '{definition.Name}' is not valid: {string.Join("; ", problems)}", nameof(definition));

    /// <summary>Whether the calendar holds the holiday arrangement of <paramref name="year"/>.</summary>
    public bool HasHolidayDataFor(int year) => _knownYears.Contains(year);

    /// <summary>
    /// The local years between two instants (both included) that have no holiday arrangement: a due date computed
    /// across them treated them as regular weeks, and should be shown with that warning.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutHolidayData(DateOnly from, DateOnly to)
    {
        var missing = new List<int>();
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            if (!_knownYears.Contains(year))
            {
                missing.Add(year);
            }
        }

        return missing;
    }

    public IReadOnlyList<int> YearsWithoutHolidayData(DateTimeOffset from, DateTimeOffset to) =>
        YearsWithoutHolidayData(LocalDate(from), LocalDate(to));

    /// <summary>The working intervals of a local date, after holidays and adjusted working days.</summary>
    public IReadOnlyList<WorkingInterval> HoursOn(DateOnly date)
    {
        if (_holidays.ContainsKey(date))
        {
            return [];
        }

        return _adjusted.TryGetValue(date, out var adjusted)
            ? _weekly[(int)adjusted.FollowsWeekday]
            : _weekly[(int)date.DayOfWeek];
    }

    public bool IsWorkingDay(DateOnly date) => HoursOn(date).Count > 0;

    /// <summary>The holiday a date belongs to, if any.</summary>
    public string? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>The local date of an instant in the calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The instant a wall-clock time in the calendar's zone stands for: a time skipped by a daylight-saving change
    /// becomes the first time after it, a repeated time is read as standard time.
    /// </summary>
    public DateTimeOffset FromLocal(DateTime local) => Instant(CalendarTimeZone.ToUtcTicks(local, TimeZone));

    /// <summary>An instant expressed with the calendar zone's offset at that instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The table of a local year, refusing a year without holiday data when the policy says so.</summary>
    internal WorkingYear YearTable(int year)
    {
        var table = BuiltYear(year);
        if (MissingYears == MissingYearPolicy.Refuse && !_knownYears.Contains(year))
        {
            throw new MissingHolidayYearException(Name, year);
        }

        return table;
    }

    /// <summary>The table of the local year an instant falls in, found without a time-zone conversion.</summary>
    internal WorkingYear YearTableAt(long utcTicks)
    {
        var guess = Math.Clamp(new DateTime(Math.Clamp(utcTicks + _baseOffsetTicks, 0, DateTime.MaxValue.Ticks)).Year, 1, 9998);
        var table = BuiltYear(guess);
        var year = utcTicks < table.StartUtc ? guess - 1 : utcTicks >= table.EndUtc ? guess + 1 : guess;
        return year == guess ? YearTable(guess) : YearTable(year);
    }

    private WorkingYear BuiltYear(int year)
    {
        if (year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Working time can only be computed for years 1 to 9998.");
        }

        var table = Volatile.Read(ref _years[year]);
        if (table is not null)
        {
            return table;
        }

        table = WorkingYear.Build(year, TimeZone, HoursOn);
        return Interlocked.CompareExchange(ref _years[year], table, null) ?? table;
    }

    private DateTimeOffset Instant(long utcTicks) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), TimeZone);

    /// <summary>An instant of the given year shown with the zone's offset, cheaply when the year has one offset.</summary>
    private DateTimeOffset Instant(long utcTicks, WorkingYear table) =>
        table.ConstantOffset is { } offset
            ? new DateTimeOffset(utcTicks + offset, TimeSpan.FromTicks(offset))
            : Instant(utcTicks);

    private DateOnly LocalDate(long utcTicks, WorkingYear table) =>
        table.ConstantOffset is { } offset
            ? DateOnly.FromDateTime(new DateTime(utcTicks + offset))
            : LocalDate(new DateTimeOffset(utcTicks, TimeSpan.Zero));
}

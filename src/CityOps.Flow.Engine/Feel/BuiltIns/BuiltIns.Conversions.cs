using System.Globalization;

namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddConversions(Registrar add)
    {
        add("date", "from", (ev, a) => a[0] switch
        {
            string s => (object?)TemporalText.ParseDate(s) ?? ev.Warn($"date(\"{s}\") is not a valid date"),
            DateOnly d => d,
            FeelDateTime dt => DateOnly.FromDateTime(dt.Local),
            null => null,
            _ => Invalid(ev, "date", a),
        });
        add("date", "year, month, day", (ev, a) => a is [decimal y, decimal m, decimal d] && IsInteger(y) && IsInteger(m) && IsInteger(d)
            ? (object?)TemporalText.MakeDate((long)y, (long)m, (long)d) ?? ev.Warn($"date({y}, {m}, {d}) is not a valid date")
            : Invalid(ev, "date", a));

        add("date and time", "from", (ev, a) => a[0] switch
        {
            string s => (object?)TemporalText.ParseDateTime(s) ?? ev.Warn($"date and time(\"{s}\") is not a valid date and time"),
            FeelDateTime dt => dt,
            DateOnly d => new FeelDateTime(d.ToDateTime(TimeOnly.MinValue)),
            null => null,
            _ => Invalid(ev, "date and time", a),
        });
        add("date and time", "date, time", (ev, a) => (a[0], a[1]) switch
        {
            (DateOnly d, FeelTime t) => new FeelDateTime(d.ToDateTime(t.LocalTime), t.Offset, t.Zone),
            (FeelDateTime d, FeelTime t) => new FeelDateTime(d.Local.Date + t.LocalTime.ToTimeSpan(), t.Offset, t.Zone),
            _ => Invalid(ev, "date and time", a),
        });

        add("time", "from", (ev, a) => a[0] switch
        {
            string s => (object?)TemporalText.ParseTime(s) ?? ev.Warn($"time(\"{s}\") is not a valid time"),
            FeelTime t => t,
            FeelDateTime dt => new FeelTime(TimeOnly.FromDateTime(dt.Local), dt.Offset, dt.Zone),
            DateOnly => new FeelTime(TimeOnly.MinValue, TimeSpan.Zero),
            null => null,
            _ => Invalid(ev, "time", a),
        });
        add("time", "hour, minute, second, offset?", (ev, a) =>
        {
            if (a is not [decimal h, decimal m, decimal s, var offset] || !IsInteger(h) || !IsInteger(m) || h is < 0 or > 23 || m is < 0 or > 59 || s < 0 || s >= 60
                || (offset is not null and not TimeSpan))
            {
                return Invalid(ev, "time", a);
            }

            var local = new TimeOnly((int)h, (int)m).Add(TimeSpan.FromTicks((long)(s * TimeSpan.TicksPerSecond)));
            return new FeelTime(local, offset as TimeSpan?);
        });

        add("duration", "from", (ev, a) => a[0] switch
        {
            string s => TemporalText.ParseDuration(s) ?? ev.Warn($"duration(\"{s}\") is not a valid duration"),
            TimeSpan or FeelYearsMonthsDuration => a[0],
            null => null,
            _ => Invalid(ev, "duration", a),
        });
        add("years and months duration", "from, to", (ev, a) => (a[0], a[1]) switch
        {
            (DateOnly f, DateOnly t) => Temporal.MonthsBetween(f.ToDateTime(TimeOnly.MinValue), t.ToDateTime(TimeOnly.MinValue)),
            (FeelDateTime f, FeelDateTime t) => Temporal.MonthsBetween(f.Local, t.Local),
            (DateOnly f, FeelDateTime t) => Temporal.MonthsBetween(f.ToDateTime(TimeOnly.MinValue), t.Local),
            (FeelDateTime f, DateOnly t) => Temporal.MonthsBetween(f.Local, t.ToDateTime(TimeOnly.MinValue)),
            _ => Invalid(ev, "years and months duration", a),
        });

        add("number", "from, grouping separator?, decimal separator?", (ev, a) =>
        {
            if (a[0] is not string s || a[1] is not (null or string) || a[2] is not (null or string))
            {
                return a[0] is decimal ? a[0] : Invalid(ev, "number", a);
            }

            var group = a[1] as string;
            var point = a[2] as string;
            if (group is not (null or " " or "," or ".") || point is not (null or "," or ".") || (group is not null && group == point))
            {
                return ev.Warn("number() separators must be ' ', ',' or '.', and differ");
            }

            if (group is not null)
            {
                s = s.Replace(group, "", StringComparison.Ordinal);
            }

            if (point is not null)
            {
                s = s.Replace(point, ".", StringComparison.Ordinal);
            }

            return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n)
                ? n
                : ev.Warn($"number(\"{a[0]}\") is not a number");
        });

        add("string", "from", (ev, a) => a[0] is null ? null : FeelText.Format(a[0], ev.Limits.MaxStringLength));
    }
}

namespace CityOps.Flow.Engine.Feel;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>FEEL arithmetic over numbers, strings, temporals and durations; type mismatches give null and a warning.</summary>
internal static class Arithmetic
{
    public static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        ArithmeticOperator.Divide => "/",
        _ => "**",
    };

    public static object? Apply(Evaluation ev, ArithmeticOperator op, object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        try
        {
            var result = op switch
            {
                ArithmeticOperator.Add => Add(ev, a, b),
                ArithmeticOperator.Subtract => Subtract(a, b),
                ArithmeticOperator.Multiply => Multiply(a, b),
                ArithmeticOperator.Divide => Divide(ev, a, b),
                _ => Power(a, b),
            };
            if (ReferenceEquals(result, DivisionByZero))
            {
                return null;
            }

            return result ?? (ev.Warn($"cannot apply '{Symbol(op)}' to {FeelValues.TypeName(a)} and {FeelValues.TypeName(b)}"));
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or ArgumentException)
        {
            return ev.Warn($"'{Symbol(op)}' overflowed: {FeelText.Format(a)} {Symbol(op)} {FeelText.Format(b)}");
        }
    }

    private static object? Add(Evaluation ev, object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x + y,
        (string x, string y) => ev.CheckString(string.Concat(x, y)),
        (TimeSpan x, TimeSpan y) => x + y,
        (FeelYearsMonthsDuration x, FeelYearsMonthsDuration y) => new FeelYearsMonthsDuration(checked(x.TotalMonths + y.TotalMonths)),
        (FeelDateTime x, TimeSpan y) => Temporal.Add(x, y),
        (TimeSpan x, FeelDateTime y) => Temporal.Add(y, x),
        (FeelDateTime x, FeelYearsMonthsDuration y) => Temporal.Add(x, y),
        (FeelYearsMonthsDuration x, FeelDateTime y) => Temporal.Add(y, x),
        (DateOnly x, TimeSpan y) => Temporal.Add(x, y),
        (TimeSpan x, DateOnly y) => Temporal.Add(y, x),
        (DateOnly x, FeelYearsMonthsDuration y) => Temporal.Add(x, y),
        (FeelYearsMonthsDuration x, DateOnly y) => Temporal.Add(y, x),
        (FeelTime x, TimeSpan y) => Temporal.Add(x, y),
        (TimeSpan x, FeelTime y) => Temporal.Add(y, x),
        _ => null,
    };

    private static object? Subtract(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x - y,
        (TimeSpan x, TimeSpan y) => x - y,
        (FeelYearsMonthsDuration x, FeelYearsMonthsDuration y) => new FeelYearsMonthsDuration(checked(x.TotalMonths - y.TotalMonths)),
        (FeelDateTime x, FeelDateTime y) => Temporal.Subtract(x, y),
        (DateOnly x, DateOnly y) => x.ToDateTime(TimeOnly.MinValue) - y.ToDateTime(TimeOnly.MinValue),
        (DateOnly x, FeelDateTime y) => Temporal.Subtract(Temporal.AtMidnight(x, y), y),
        (FeelDateTime x, DateOnly y) => Temporal.Subtract(x, Temporal.AtMidnight(y, x)),
        (FeelDateTime x, TimeSpan y) => Temporal.Add(x, -y),
        (FeelDateTime x, FeelYearsMonthsDuration y) => Temporal.Add(x, new FeelYearsMonthsDuration(-y.TotalMonths)),
        (DateOnly x, TimeSpan y) => Temporal.Add(x, -y),
        (DateOnly x, FeelYearsMonthsDuration y) => Temporal.Add(x, new FeelYearsMonthsDuration(-y.TotalMonths)),
        (FeelTime x, FeelTime y) => Temporal.Subtract(x, y),
        (FeelTime x, TimeSpan y) => Temporal.Add(x, -y),
        _ => null,
    };

    private static object? Multiply(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x * y,
        (TimeSpan x, decimal y) => TimeSpan.FromTicks((long)decimal.Round(x.Ticks * y)),
        (decimal x, TimeSpan y) => TimeSpan.FromTicks((long)decimal.Round(y.Ticks * x)),
        (FeelYearsMonthsDuration x, decimal y) => new FeelYearsMonthsDuration((int)decimal.Truncate(x.TotalMonths * y)),
        (decimal x, FeelYearsMonthsDuration y) => new FeelYearsMonthsDuration((int)decimal.Truncate(y.TotalMonths * x)),
        _ => null,
    };

    private static object? Divide(Evaluation ev, object a, object b)
    {
        switch (a, b)
        {
            case (_, decimal y) when y == 0:
            case (_, TimeSpan z) when z == TimeSpan.Zero:
            case (_, FeelYearsMonthsDuration w) when w.TotalMonths == 0:
                ev.Warn("division by zero");
                return DivisionByZero;
            case (decimal x, decimal y): return x / y;
            case (TimeSpan x, decimal y): return TimeSpan.FromTicks((long)decimal.Round(x.Ticks / y));
            case (FeelYearsMonthsDuration x, decimal y): return new FeelYearsMonthsDuration((int)decimal.Truncate(x.TotalMonths / y));
            case (TimeSpan x, TimeSpan y): return (decimal)x.Ticks / y.Ticks;
            case (FeelYearsMonthsDuration x, FeelYearsMonthsDuration y): return (decimal)x.TotalMonths / y.TotalMonths;
            default: return null;
        }
    }

    /// <summary>Marks a division by zero already warned about, so it is not reported again as a type mismatch.</summary>
    private static readonly object DivisionByZero = new();

    private static object? Power(object a, object b)
    {
        if (a is not decimal x || b is not decimal y)
        {
            return null;
        }

        if (y == decimal.Truncate(y) && Math.Abs(y) <= 10_000)
        {
            var n = (int)Math.Abs(y);
            var result = 1m;
            var square = x;
            while (n > 0)
            {
                if ((n & 1) == 1)
                {
                    result *= square;
                }

                n >>= 1;
                if (n > 0)
                {
                    square *= square;
                }
            }

            return y < 0 ? 1m / result : result;
        }

        var d = Math.Pow((double)x, (double)y);
        return double.IsFinite(d) ? (decimal)d : throw new OverflowException();
    }

    public static object? Negate(Evaluation ev, object? value) => value switch
    {
        null => null,
        decimal d => -d,
        TimeSpan t => -t,
        FeelYearsMonthsDuration m => new FeelYearsMonthsDuration(-m.TotalMonths),
        _ => ev.Warn($"cannot negate {FeelValues.TypeName(value)}"),
    };
}

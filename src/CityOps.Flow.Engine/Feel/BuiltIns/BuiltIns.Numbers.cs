namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddNumbers(Registrar add)
    {
        add("decimal", "n, scale", (ev, a) => Round(ev, "decimal", a, MidpointRounding.ToEven));
        add("round half up", "n, scale", (ev, a) => Round(ev, "round half up", a, MidpointRounding.AwayFromZero));
        add("round half down", "n, scale", (ev, a) => Round(ev, "round half down", a, MidpointRounding.ToZero, halfDown: true));
        add("round up", "n, scale", (ev, a) => Round(ev, "round up", a, MidpointRounding.AwayFromZero, directed: true));
        add("round down", "n, scale", (ev, a) => Round(ev, "round down", a, MidpointRounding.ToZero));
        add("floor", "n, scale?", (ev, a) => Round(ev, "floor", [a[0], a[1] ?? 0m], MidpointRounding.ToNegativeInfinity));
        add("ceiling", "n, scale?", (ev, a) => Round(ev, "ceiling", [a[0], a[1] ?? 0m], MidpointRounding.ToPositiveInfinity));
        add("abs", "n", (ev, a) => a[0] switch
        {
            decimal d => Math.Abs(d),
            TimeSpan t => t.Duration(),
            FeelYearsMonthsDuration m => new FeelYearsMonthsDuration(Math.Abs(m.TotalMonths)),
            _ => Invalid(ev, "abs", a),
        });
        add("modulo", "dividend, divisor", (ev, a) =>
        {
            if (a is not [decimal x, decimal y])
            {
                return Invalid(ev, "modulo", a);
            }

            if (y == 0)
            {
                return ev.Warn("modulo() by zero");
            }

            var r = x % y;
            return r != 0 && (r < 0) != (y < 0) ? r + y : r;
        });
        add("sqrt", "number", (ev, a) => a[0] is decimal d && d >= 0 ? SquareRoot(d) : Invalid(ev, "sqrt", a));
        add("log", "number", (ev, a) => a[0] is decimal d && d > 0 ? (decimal)Math.Log((double)d) : Invalid(ev, "log", a));
        add("exp", "number", (ev, a) => a[0] is decimal d && Math.Exp((double)d) is var e && e < 7.9e28 ? (decimal)e : Invalid(ev, "exp", a));
        add("odd", "number", (ev, a) => a[0] is decimal d ? FeelValues.Bool(IsInteger(d) && Math.Abs(d % 2) == 1) : Invalid(ev, "odd", a));
        add("even", "number", (ev, a) => a[0] is decimal d ? FeelValues.Bool(IsInteger(d) && d % 2 == 0) : Invalid(ev, "even", a));
        add("not", "negand", (ev, a) => a[0] is bool b ? FeelValues.Bool(!b) : null);
    }

    private static object? Round(Evaluation ev, string function, object?[] a, MidpointRounding mode, bool halfDown = false, bool directed = false)
    {
        if (a is not [decimal n, decimal scale] || !IsInteger(scale) || scale < -28 || scale > 28)
        {
            return Invalid(ev, function, a);
        }

        // decimal.Round takes no negative scale: shift the point, round, shift back.
        var shift = scale < 0 ? Pow10((int)-scale) : 1m;
        var x = n / shift;
        var digits = (int)Math.Max(scale, 0);
        decimal r;
        if (directed)
        {
            var truncated = decimal.Round(x, digits, MidpointRounding.ToZero);
            r = truncated == x ? x : truncated + (Math.Sign(x) * Pow10(-digits));
        }
        else if (halfDown)
        {
            var away = decimal.Round(x, digits, MidpointRounding.AwayFromZero);
            var toward = decimal.Round(x, digits, MidpointRounding.ToZero);
            r = Math.Abs(x - toward) == Math.Abs(away - x) ? toward : away;
        }
        else
        {
            r = decimal.Round(x, digits, mode);
        }

        return r * shift;
    }

    private static decimal Pow10(int exponent)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            r *= 10;
        }

        return exponent < 0 ? 1 / r : r;
    }

    private static decimal SquareRoot(decimal d)
    {
        if (d == 0)
        {
            return 0;
        }

        var x = (decimal)Math.Sqrt((double)d);
        for (var i = 0; i < 4 && x != 0; i++)
        {
            x = (x + (d / x)) / 2;
        }

        return x;
    }
}

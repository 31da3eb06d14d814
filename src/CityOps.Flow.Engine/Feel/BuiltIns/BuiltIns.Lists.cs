namespace CityOps.Flow.Engine.Feel;

internal static partial class BuiltIns
{
    private static void AddLists(Registrar add)
    {
        add("list contains", "list, element", (ev, a) => a[0] is IReadOnlyList<object?> list
            ? FeelValues.Bool(list.Any(i => FeelValues.AreEqual(i, a[1]) == true))
            : Invalid(ev, "list contains", a));
        add("count", "list", (ev, a) => a[0] is IReadOnlyList<object?> list ? (decimal)list.Count : Invalid(ev, "count", a));
        add("min", "list", (ev, a) => Extreme(ev, "min", a[0], -1), ParameterShape.ListOrSpread);
        add("max", "list", (ev, a) => Extreme(ev, "max", a[0], 1), ParameterShape.ListOrSpread);
        add("sum", "list", (ev, a) => Sum(ev, a[0]), ParameterShape.ListOrSpread);
        add("product", "list", (ev, a) => Numbers(ev, "product", a[0]) is { Count: > 0 } n ? n.Aggregate(1m, (x, y) => x * y) : null, ParameterShape.ListOrSpread);
        add("mean", "list", (ev, a) => Numbers(ev, "mean", a[0]) is { Count: > 0 } n ? n.Sum() / n.Count : null, ParameterShape.ListOrSpread);
        add("median", "list", (ev, a) =>
        {
            if (Numbers(ev, "median", a[0]) is not { Count: > 0 } n)
            {
                return null;
            }

            n.Sort();
            return n.Count % 2 == 1 ? n[n.Count / 2] : (n[(n.Count / 2) - 1] + n[n.Count / 2]) / 2;
        }, ParameterShape.ListOrSpread);
        add("stddev", "list", (ev, a) =>
        {
            if (Numbers(ev, "stddev", a[0]) is not { Count: > 1 } n)
            {
                return null;
            }

            var mean = n.Sum() / n.Count;
            var variance = n.Sum(x => (x - mean) * (x - mean)) / (n.Count - 1);
            return SquareRoot(variance);
        }, ParameterShape.ListOrSpread);
        add("mode", "list", (ev, a) =>
        {
            if (Numbers(ev, "mode", a[0]) is not { } n)
            {
                return null;
            }

            var groups = n.GroupBy(x => x).Select(g => (Value: g.Key, Count: g.Count())).ToList();
            var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count);
            return groups.Where(g => g.Count == most).Select(g => (object?)g.Value).Order(Comparer<object?>.Create((x, y) => ((decimal)x!).CompareTo((decimal)y!))).ToArray();
        }, ParameterShape.ListOrSpread);
        add("all", "list", (ev, a) => Logic(a[0], every: true), ParameterShape.ListOrSpread);
        add("any", "list", (ev, a) => Logic(a[0], every: false), ParameterShape.ListOrSpread);
        add("sublist", "list, start position, length?", (ev, a) =>
        {
            if (a is not [IReadOnlyList<object?> list, decimal start, var length] || !IsInteger(start) || length is not (null or decimal))
            {
                return Invalid(ev, "sublist", a);
            }

            var from = start > 0 ? (int)start - 1 : list.Count + (int)start;
            if (start == 0 || from < 0 || from >= list.Count)
            {
                return ev.Warn("sublist() start position is outside the list");
            }

            var count = length is decimal l ? (int)Math.Min(l, list.Count - from) : list.Count - from;
            return list.Skip(from).Take(Math.Max(count, 0)).ToArray();
        });
        add("append", "list, item", (ev, a) =>
        {
            var args = (IReadOnlyList<object?>)a[0]!;
            if (args[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "append", [.. args]);
            }

            return Checked(ev, [.. list, .. args.Skip(1)]);
        }, ParameterShape.Spread);
        add("concatenate", "list", (ev, a) =>
        {
            var result = new List<object?>();
            foreach (var item in (IReadOnlyList<object?>)a[0]!)
            {
                if (item is not IReadOnlyList<object?> list)
                {
                    return ev.Warn("concatenate() takes lists");
                }

                result.AddRange(list);
                ev.CheckListSize(result.Count);
            }

            return result.ToArray();
        }, ParameterShape.Spread);
        add("insert before", "list, position, newItem", (ev, a) =>
        {
            if (a is not [IReadOnlyList<object?> list, decimal position, var item] || !IsInteger(position) || position == 0 || Math.Abs(position) > list.Count)
            {
                return Invalid(ev, "insert before", a);
            }

            var at = position > 0 ? (int)position - 1 : list.Count + (int)position;
            var result = list.ToList();
            result.Insert(at, item);
            return Checked(ev, result);
        });
        add("remove", "list, position", (ev, a) =>
        {
            if (a is not [IReadOnlyList<object?> list, decimal position] || !IsInteger(position) || position == 0 || Math.Abs(position) > list.Count)
            {
                return Invalid(ev, "remove", a);
            }

            var at = position > 0 ? (int)position - 1 : list.Count + (int)position;
            var result = list.ToList();
            result.RemoveAt(at);
            return result.ToArray();
        });
        add("reverse", "list", (ev, a) => a[0] is IReadOnlyList<object?> list ? list.Reverse().ToArray() : Invalid(ev, "reverse", a));
        add("index of", "list, match", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "index of", a);
            }

            var found = new List<object?>();
            for (var i = 0; i < list.Count; i++)
            {
                if (FeelValues.AreEqual(list[i], a[1]) == true)
                {
                    found.Add((decimal)(i + 1));
                }
            }

            return found.ToArray();
        });
        add("union", "list", (ev, a) =>
        {
            var result = new List<object?>();
            foreach (var item in (IReadOnlyList<object?>)a[0]!)
            {
                if (item is not IReadOnlyList<object?> list)
                {
                    return ev.Warn("union() takes lists");
                }

                AddDistinct(ev, result, list);
            }

            return result.ToArray();
        }, ParameterShape.Spread);
        add("distinct values", "list", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "distinct values", a);
            }

            var result = new List<object?>();
            AddDistinct(ev, result, list);
            return result.ToArray();
        });
        add("flatten", "list", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list)
            {
                return Invalid(ev, "flatten", a);
            }

            var result = new List<object?>();
            Flatten(ev, list, result, 0);
            return result.ToArray();
        });
        add("sort", "list, precedes", (ev, a) =>
        {
            if (a[0] is not IReadOnlyList<object?> list || a[1] is not FeelFunction precedes)
            {
                return Invalid(ev, "sort", a);
            }

            var items = list.ToArray();
            var comparer = Comparer<object?>.Create((x, y) =>
            {
                if (precedes.Invoke(ev, [x, y]) is true)
                {
                    return -1;
                }

                return precedes.Invoke(ev, [y, x]) is true ? 1 : 0;
            });

            // A stable merge sort: an inconsistent precedes function cannot make it throw.
            return items.Select((v, i) => (v, i)).OrderBy(p => p.v, comparer).ThenBy(p => p.i).Select(p => p.v).ToArray();
        });
        add("is empty", "list", (ev, a) => a[0] is IReadOnlyList<object?> list ? FeelValues.Bool(list.Count == 0) : Invalid(ev, "is empty", a));
    }

    private static void AddDistinct(Evaluation ev, List<object?> result, IReadOnlyList<object?> items)
    {
        var seen = new HashSet<object?>(result, FeelValues.EqualityComparer);
        foreach (var item in items)
        {
            ev.Step();
            if (seen.Add(item))
            {
                result.Add(item);
            }
        }
    }

    private static void Flatten(Evaluation ev, IReadOnlyList<object?> list, List<object?> into, int depth)
    {
        if (depth > ev.Limits.MaxNestingDepth)
        {
            throw new FeelLimitExceededException("flatten() list nested too deeply");
        }

        foreach (var item in list)
        {
            if (item is IReadOnlyList<object?> inner)
            {
                Flatten(ev, inner, into, depth + 1);
            }
            else
            {
                into.Add(item);
                ev.CheckListSize(into.Count);
            }
        }
    }

    private static List<decimal>? Numbers(Evaluation ev, string function, object? argument)
    {
        if (argument is not IReadOnlyList<object?> list)
        {
            ev.Warn($"{function}() needs a list of numbers");
            return null;
        }

        var numbers = new List<decimal>(list.Count);
        foreach (var item in list)
        {
            if (item is not decimal d)
            {
                ev.Warn($"{function}() needs a list of numbers, found {FeelValues.TypeName(item)}");
                return null;
            }

            numbers.Add(d);
        }

        return numbers;
    }

    private static object? Sum(Evaluation ev, object? argument)
    {
        if (argument is not IReadOnlyList<object?> list)
        {
            return ev.Warn("sum() needs a list");
        }

        if (list.Count == 0)
        {
            return null;
        }

        object? total = list[0] is decimal or TimeSpan or FeelYearsMonthsDuration ? list[0] : null;
        for (var i = 1; i < list.Count && total is not null; i++)
        {
            total = Arithmetic.Apply(ev, ArithmeticOperator.Add, total, list[i]);
        }

        return total ?? ev.Warn("sum() needs a list of numbers");
    }

    private static object? Extreme(Evaluation ev, string function, object? argument, int sign)
    {
        if (argument is not IReadOnlyList<object?> list || list.Count == 0)
        {
            return argument is IReadOnlyList<object?> ? null : ev.Warn($"{function}() needs a list");
        }

        var best = list[0];
        for (var i = 1; i < list.Count; i++)
        {
            var c = FeelValues.Compare(list[i], best);
            if (c is null)
            {
                return ev.Warn($"{function}() needs comparable items");
            }

            if (c * sign > 0)
            {
                best = list[i];
            }
        }

        return list.Count == 1 && FeelValues.Compare(best, best) is null ? ev.Warn($"{function}() needs comparable items") : best;
    }

    private static object? Logic(object? argument, bool every)
    {
        var list = FeelValues.AsList(argument);
        var sawOther = false;
        foreach (var item in list)
        {
            if (item is bool b)
            {
                if (b != every)
                {
                    return FeelValues.Bool(!every);
                }
            }
            else
            {
                sawOther = true;
            }
        }

        return sawOther ? null : FeelValues.Bool(every);
    }
}

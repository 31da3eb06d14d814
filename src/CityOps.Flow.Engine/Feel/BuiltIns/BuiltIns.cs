namespace CityOps.Flow.Engine.Feel;

/// <summary>The DMN 1.5 built-in functions, with the parameter names the spec gives them for named calls.</summary>
internal static partial class BuiltIns
{
    private static readonly Dictionary<string, FeelFunction> Functions = Build();

    public static FeelFunction? Find(string name) => Functions.GetValueOrDefault(name);

    public static IEnumerable<string> Names => Functions.Keys;

    private static Dictionary<string, FeelFunction> Build()
    {
        var table = new Dictionary<string, List<FeelSignature>>(StringComparer.Ordinal);
        void Add(string name, string parameters, Func<Evaluation, object?[], object?> body, ParameterShape shape = ParameterShape.Fixed)
        {
            var names = parameters.Length == 0 ? [] : parameters.Split(", ");
            var required = names.Count(n => !n.EndsWith('?'));
            var signature = new FeelSignature([.. names.Select(n => n.TrimEnd('?'))], required, body, shape);
            if (!table.TryGetValue(name, out var list))
            {
                table[name] = list = [];
            }

            list.Add(signature);
        }

        AddConversions(Add);
        AddStrings(Add);
        AddLists(Add);
        AddNumbers(Add);
        AddTemporals(Add);
        AddContexts(Add);
        AddCompatibility(Add);
        RangeRelations.Register((name, parameters, body) => Add(name, parameters, body));
        return table.ToDictionary(e => e.Key, e => new FeelFunction(e.Key, [.. e.Value]), StringComparer.Ordinal);
    }

    private delegate void Registrar(string name, string parameters, Func<Evaluation, object?[], object?> body, ParameterShape shape = ParameterShape.Fixed);

    /// <summary>The null-with-warning result of a call with arguments of the wrong kind.</summary>
    private static object? Invalid(Evaluation ev, string function, object?[] args) =>
        ev.Warn($"{function}({string.Join(", ", args.Select(FeelValues.TypeName))}) is not defined");

    private static bool IsInteger(decimal d) => d == decimal.Truncate(d);

    private static object?[] Checked(Evaluation ev, List<object?> items)
    {
        ev.CheckListSize(items.Count);
        return [.. items];
    }
}

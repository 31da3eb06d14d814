using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityOps.Flow.Cases.Catalog;

/// <summary>
/// Reads <c>samples/catalog/categories.json</c> (shape in its README) and checks it: unknown fields, duplicate codes,
/// unknown or wrong-kind parents, codes that do not extend their parent's, missing or malformed time limits. Every
/// problem is reported with its JSON path; nothing is loaded when there is one.
/// </summary>
public static partial class CatalogLoader
{
    private static readonly HashSet<string> CategoryFields =
        ["code", "parent", "kind", "zh", "en", "timeLimit", "severity", "publicSafety"];

    private static readonly HashSet<string> RequestKindFields = ["code", "zh", "en", "replyLimit"];

    private static readonly HashSet<string> RootFields = ["$schema", "name", "requestKinds", "categories"];

    public static CatalogLoadResult LoadFile(string path) => Load(File.ReadAllText(path));

    public static CatalogLoadResult Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return CatalogLoadResult.Failed([new CatalogProblem($"line {line}, column {column}", "the file is not valid JSON")]);
        }

        using (document)
        {
            var problems = new List<CatalogProblem>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return CatalogLoadResult.Failed([new CatalogProblem("$", "the catalogue must be a JSON object")]);
            }

            RefuseUnknownFields(root, "$", RootFields, problems);
            var requestKinds = ReadRequestKinds(root, problems);
            var categories = ReadCategories(root, problems);
            if (problems.Count == 0)
            {
                CheckHierarchy(categories, problems);
            }

            return problems.Count == 0
                ? CatalogLoadResult.Loaded(new CategoryCatalog([.. categories.Select(c => c.Category)], requestKinds))
                : CatalogLoadResult.Failed(problems);
        }
    }

    private static List<RequestKind> ReadRequestKinds(JsonElement root, List<CatalogProblem> problems)
    {
        var kinds = new List<RequestKind>();
        if (!root.TryGetProperty("requestKinds", out var array))
        {
            return kinds;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new CatalogProblem("requestKinds", "must be an array"));
            return kinds;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"requestKinds[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new CatalogProblem(path, "must be an object"));
                continue;
            }

            RefuseUnknownFields(item, path, RequestKindFields, problems);
            var code = RequiredString(item, path, "code", problems);
            var zh = RequiredString(item, path, "zh", problems);
            var en = RequiredString(item, path, "en", problems);
            var limit = ReadLimit(item, path, "replyLimit", required: true, problems);
            if (code is not null && !seen.TryAdd(code, path))
            {
                problems.Add(new CatalogProblem($"{path}.code", $"duplicate request kind '{code}' (first at {seen[code]})"));
                continue;
            }

            if (code is not null && zh is not null && en is not null && limit is { } replyLimit)
            {
                kinds.Add(new RequestKind { Code = code, NameZh = zh, NameEn = en, ReplyLimit = replyLimit });
            }
        }

        return kinds;
    }

    private static List<PlacedCategory> ReadCategories(JsonElement root, List<CatalogProblem> problems)
    {
        var categories = new List<PlacedCategory>();
        if (!root.TryGetProperty("categories", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new CatalogProblem("categories", "an array of categories is required"));
            return categories;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"categories[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new CatalogProblem(path, "must be an object"));
                continue;
            }

            if (ReadCategory(item, path, problems) is { } category)
            {
                categories.Add(new PlacedCategory(category, path));
            }
        }

        if (index == 0)
        {
            problems.Add(new CatalogProblem("categories", "the catalogue has no categories"));
        }

        return categories;
    }

    private static Category? ReadCategory(JsonElement item, string path, List<CatalogProblem> problems)
    {
        var before = problems.Count;
        RefuseUnknownFields(item, path, CategoryFields, problems);
        var code = RequiredString(item, path, "code", problems);
        var zh = RequiredString(item, path, "zh", problems);
        var en = RequiredString(item, path, "en", problems);
        var parent = OptionalString(item, path, "parent", problems);
        var kindText = RequiredString(item, path, "kind", problems);
        CategoryKind? kind = kindText switch
        {
            null => null,
            "component" => CategoryKind.Component,
            "event" => CategoryKind.Event,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            problems.Add(new CatalogProblem($"{path}.kind", $"'{kindText}' is not a kind; use \"component\" (部件) or \"event\" (事件)"));
        }

        if (code is not null && kind is { } k && CodeProblem(code, parent, k) is { } codeProblem)
        {
            problems.Add(new CatalogProblem($"{path}.code", codeProblem));
        }

        var limit = ReadLimit(item, path, "timeLimit", required: false, problems);
        if (parent is null && limit is not null)
        {
            problems.Add(new CatalogProblem($"{path}.timeLimit", "a class (no parent) has no time limit; put limits on its subclasses"));
        }
        else if (parent is not null && limit is null && !item.TryGetProperty("timeLimit", out _))
        {
            problems.Add(new CatalogProblem($"{path}.timeLimit", $"subclass '{code}' needs a time limit (PT15M, PT4H or P2D)"));
        }

        var severity = Severity.Normal;
        if (OptionalString(item, path, "severity", problems) is { } severityText && !SeverityCode.TryParse(severityText, out severity))
        {
            problems.Add(new CatalogProblem($"{path}.severity", $"'{severityText}' is not a severity; use minor, normal, major or critical"));
        }

        var publicSafety = false;
        if (item.TryGetProperty("publicSafety", out var safety))
        {
            if (safety.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                publicSafety = safety.GetBoolean();
            }
            else
            {
                problems.Add(new CatalogProblem($"{path}.publicSafety", "must be true or false"));
            }
        }

        if (problems.Count > before || code is null || zh is null || en is null || kind is null)
        {
            return null;
        }

        return new Category
        {
            Code = code,
            ParentCode = parent,
            Kind = kind.Value,
            NameZh = zh,
            NameEn = en,
            TimeLimit = limit,
            DefaultSeverity = severity,
            PublicSafety = publicSafety,
        };
    }

    private static void CheckHierarchy(List<PlacedCategory> categories, List<CatalogProblem> problems)
    {
        var byCode = new Dictionary<string, PlacedCategory>(StringComparer.Ordinal);
        foreach (var placed in categories)
        {
            if (!byCode.TryAdd(placed.Category.Code, placed))
            {
                problems.Add(new CatalogProblem($"{placed.Path}.code",
                    $"duplicate code '{placed.Category.Code}' (first at {byCode[placed.Category.Code].Path})"));
            }
        }

        foreach (var (category, path) in categories)
        {
            if (category.ParentCode is not { } parentCode)
            {
                continue;
            }

            if (!byCode.TryGetValue(parentCode, out var parent))
            {
                problems.Add(new CatalogProblem($"{path}.parent", $"unknown parent '{parentCode}'"));
            }
            else if (!parent.Category.IsClass)
            {
                problems.Add(new CatalogProblem($"{path}.parent", $"parent '{parentCode}' is itself a subclass; only two levels are allowed"));
            }
            else if (parent.Category.Kind != category.Kind)
            {
                problems.Add(new CatalogProblem($"{path}.kind",
                    $"'{category.Code}' is a{(category.Kind == CategoryKind.Event ? "n event" : " component")} but its parent '{parentCode}' is not"));
            }
        }
    }

    private static string? CodeProblem(string code, string? parent, CategoryKind kind)
    {
        var match = CodePattern().Match(code);
        if (!match.Success)
        {
            return $"'{code}' is not a category code; classes are two digits (01, or E01 for events), subclasses four (0101, E0101)";
        }

        var isEventCode = match.Groups["event"].Success;
        if (isEventCode != (kind == CategoryKind.Event))
        {
            return kind == CategoryKind.Event
                ? $"event code '{code}' must start with E"
                : $"component code '{code}' must not start with E";
        }

        var isSubclassCode = match.Groups["sub"].Success;
        if (parent is null && isSubclassCode)
        {
            return $"'{code}' is a subclass code but has no parent";
        }

        if (parent is not null && !(isSubclassCode && code.StartsWith(parent, StringComparison.Ordinal) && code.Length == parent.Length + 2))
        {
            return $"subclass code '{code}' must be its parent's code '{parent}' followed by two digits";
        }

        return null;
    }

    private static TimeLimit? ReadLimit(JsonElement item, string path, string field, bool required, List<CatalogProblem> problems)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            if (required)
            {
                problems.Add(new CatalogProblem($"{path}.{field}", "is required (PT15M, PT4H or P2D)"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new CatalogProblem($"{path}.{field}", "must be a string such as \"PT4H\" or \"P2D\""));
            return null;
        }

        if (TimeLimit.TryParse(value.GetString(), out var limit, out var problem))
        {
            return limit;
        }

        problems.Add(new CatalogProblem($"{path}.{field}", problem!));
        return null;
    }

    private static string? RequiredString(JsonElement item, string path, string field, List<CatalogProblem> problems)
    {
        if (!item.TryGetProperty(field, out _))
        {
            problems.Add(new CatalogProblem($"{path}.{field}", "is required"));
            return null;
        }

        return OptionalString(item, path, field, problems);
    }

    private static string? OptionalString(JsonElement item, string path, string field, List<CatalogProblem> problems)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new CatalogProblem($"{path}.{field}", "must be a non-empty string"));
            return null;
        }

        return value.GetString()!.Trim();
    }

    private static void RefuseUnknownFields(JsonElement item, string path, HashSet<string> known, List<CatalogProblem> problems)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                problems.Add(new CatalogProblem($"{path}.{property.Name}",
                    $"unknown field; expected one of {string.Join(", ", known.Where(f => f != "$schema"))}"));
            }
        }
    }

    [GeneratedRegex(@"^(?<event>E)?\d{2}(?<sub>\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private readonly record struct PlacedCategory(Category Category, string Path);
}

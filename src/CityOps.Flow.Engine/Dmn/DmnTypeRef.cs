using CityOps.Flow.Engine.Feel;

namespace CityOps.Flow.Engine.Dmn;

/// <summary>Checks a value against a built-in typeRef (FEEL names, XML Schema names and Camunda's number names).</summary>
internal static class DmnTypeRef
{
    /// <summary>True or false for a built-in type; null when the typeRef is absent, Any, or an item definition.</summary>
    public static bool? Conforms(string? typeRef, object? value)
    {
        if (typeRef is null || value is null)
        {
            return null;
        }

        var name = typeRef.StartsWith("feel:", StringComparison.Ordinal) ? typeRef[5..] : typeRef;
        return name.ToLowerInvariant() switch
        {
            "number" or "integer" or "long" or "double" or "decimal" => value is decimal,
            "string" => value is string,
            "boolean" => value is bool,
            "date" => value is DateOnly,
            "time" => value is FeelTime,
            "date and time" or "datetime" => value is FeelDateTime,
            "days and time duration" or "daytimeduration" => value is TimeSpan,
            "years and months duration" or "yearmonthduration" => value is FeelYearsMonthsDuration,
            _ => null,
        };
    }
}

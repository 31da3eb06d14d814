using System.Globalization;

namespace CityOps.Flow.Cases.Reporting;

/// <summary>A share with its counts kept, so "95 %" can always be read as "19 of 20"; no value when nothing was counted.</summary>
public readonly record struct Rate(int Count, int Of)
{
    public double? Value => Of == 0 ? null : (double)Count / Of;

    public override string ToString() =>
        Value is { } value ? $"{(value * 100).ToString("0.0", CultureInfo.InvariantCulture)}% ({Count}/{Of})" : "n/a (0 cases)";
}

namespace CityOps.Flow.Cases.Intake;

/// <summary>The person who reported, when there is one. Personal data: <see cref="ToString"/> masks both fields.</summary>
public sealed record Reporter
{
    public string? Name { get; init; }

    public PhoneNumber? Phone { get; init; }

    public override string ToString() =>
        $"Reporter {{ Name = {MaskName(Name)}, Phone = {Phone?.Masked() ?? "none"} }}";

    /// <summary>张三丰 → 张**: the family name stays so an operator can address the caller.</summary>
    public static string MaskName(string? name) => name switch
    {
        null or "" => "none",
        { Length: 1 } => "*",
        _ => name[..1] + new string('*', name.Length - 1),
    };
}

namespace CityOps.Flow.Engine.Feel;

/// <summary>A FEEL range such as <c>[1..5)</c>; a null bound is open-ended (as in the range <c>&lt; 5</c>).</summary>
public sealed record FeelRange(object? Start, bool StartIncluded, object? End, bool EndIncluded)
{
    public override string ToString() => FeelText.Format(this);
}

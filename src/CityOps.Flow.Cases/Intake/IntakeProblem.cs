namespace CityOps.Flow.Cases.Intake;

/// <summary>One rejected field of a report: its JSON path (<c>reporter.phone</c>, <c>photos[2]</c>) and why; maps to an RFC 9457 error entry.</summary>
public sealed record IntakeProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

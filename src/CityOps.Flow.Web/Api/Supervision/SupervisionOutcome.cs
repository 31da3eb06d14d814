using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Web.Api.Supervision;

/// <summary>What a supervision command did, or why it was refused.</summary>
public sealed record SupervisionOutcome<T>(T? Value, SupervisionRefusal? Refusal) where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null && Value is not null;

    public static implicit operator SupervisionOutcome<T>(T value) => new(value, null);

    public static implicit operator SupervisionOutcome<T>(SupervisionRefusal refusal) => new(null, refusal);
}

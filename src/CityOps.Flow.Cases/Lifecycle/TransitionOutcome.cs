using System.Diagnostics.CodeAnalysis;

namespace CityOps.Flow.Cases.Lifecycle;

/// <summary>The status after a command, or why the command was refused (naming the status and the command).</summary>
public sealed record TransitionOutcome
{
    private TransitionOutcome(CaseStatus status, string? refusal)
    {
        Status = status;
        Refusal = refusal;
    }

    /// <summary>The new status when accepted; the unchanged status when refused.</summary>
    public CaseStatus Status { get; }

    public string? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => Refusal is null;

    internal static TransitionOutcome To(CaseStatus status) => new(status, null);

    internal static TransitionOutcome Refused(CaseStatus status, string reason) => new(status, reason);
}

namespace CityOps.Flow.Cases.Audit;

/// <summary>Why the chain does not verify at an entry.</summary>
public enum AuditBreakKind
{
    /// <summary>The entry's stored hash does not match its content: a field was edited after the fact.</summary>
    ContentChanged,

    /// <summary>An entry is absent: a gap in the sequence, or the chain ends before its recorded head.</summary>
    EntryMissing,

    /// <summary>The entry is not linked to the one before it: entries were moved or swapped.</summary>
    OrderChanged,
}

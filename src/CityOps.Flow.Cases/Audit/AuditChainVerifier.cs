namespace CityOps.Flow.Cases.Audit;

/// <summary>
/// Walks a chain in sequence order, holding only the entry before and the one after, so a year of history verifies in
/// constant memory. Stops at the first break.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>
    /// Verifies <paramref name="entries"/> (ascending by sequence, as stored) against each other and against the recorded
    /// <paramref name="head"/>; a null head means the log recorded no entry.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(
        IAsyncEnumerable<AuditEntry> entries, AuditChainHead? head, CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditChain.GenesisHash;
        await using var cursor = entries.GetAsyncEnumerator(ct);
        var current = await cursor.MoveNextAsync() ? cursor.Current : null;
        while (current is not null)
        {
            var next = await cursor.MoveNextAsync() ? cursor.Current : null;
            if (Check(current, next, expectedSequence, previousHash) is { } broken)
            {
                return new AuditVerification(expectedSequence - 1, broken);
            }

            previousHash = current.Hash;
            expectedSequence++;
            current = next;
        }

        var checkedCount = expectedSequence - 1;
        if (head is not null && head.Sequence > checkedCount)
        {
            return new AuditVerification(checkedCount, new AuditBreak(
                checkedCount + 1,
                AuditBreakKind.EntryMissing,
                $"the chain ends at entry {checkedCount} but the log recorded entries up to {head.Sequence}: the tail was removed"));
        }

        if (head is not null && head.Sequence == checkedCount && checkedCount > 0 && head.Hash != previousHash)
        {
            return new AuditVerification(checkedCount, new AuditBreak(
                checkedCount,
                AuditBreakKind.ContentChanged,
                $"entry {checkedCount} is not the entry the log recorded as its last one (hash differs from the recorded head)"));
        }

        return new AuditVerification(checkedCount, null);
    }

    private static AuditBreak? Check(AuditEntry entry, AuditEntry? next, long expectedSequence, string previousHash)
    {
        if (entry.Sequence > expectedSequence)
        {
            var range = entry.Sequence - expectedSequence == 1
                ? $"entry {expectedSequence} is missing"
                : $"entries {expectedSequence} to {entry.Sequence - 1} are missing";
            return new AuditBreak(expectedSequence, AuditBreakKind.EntryMissing, $"{range}: the chain jumps from {expectedSequence - 1} to {entry.Sequence}");
        }

        if (entry.Sequence < expectedSequence)
        {
            return new AuditBreak(entry.Sequence, AuditBreakKind.OrderChanged,
                $"entry {entry.Sequence} appears again after entry {expectedSequence - 1}");
        }

        if (entry.PreviousHash != previousHash)
        {
            // The entry links to the one that follows it: the two were swapped.
            if (next is not null && next.Hash == entry.PreviousHash)
            {
                return new AuditBreak(entry.Sequence, AuditBreakKind.OrderChanged,
                    $"entry {entry.Sequence} links to entry {next.Sequence}, which follows it: the two were swapped");
            }

            return AuditChain.HashOf(entry) == entry.Hash
                ? new AuditBreak(entry.Sequence, AuditBreakKind.EntryMissing,
                    $"entry {entry.Sequence} links to an entry that is not its predecessor {entry.Sequence - 1}: an entry before it was removed or replaced")
                : new AuditBreak(entry.Sequence, AuditBreakKind.ContentChanged,
                    $"entry {entry.Sequence} was edited: neither its hash nor its link to entry {entry.Sequence - 1} matches");
        }

        return AuditChain.HashOf(entry) == entry.Hash
            ? null
            : new AuditBreak(entry.Sequence, AuditBreakKind.ContentChanged,
                $"entry {entry.Sequence} was edited: its content no longer matches its hash");
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CityOps.Flow.Cases.Audit;

/// <summary>
/// How entries are sealed: SHA-256 over a canonical encoding of every field and the previous entry's hash, so editing,
/// removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Version = "cityops-audit-v1";

    /// <summary>Seals the event as entry <paramref name="sequence"/> after the entry hashed <paramref name="previousHash"/>.</summary>
    public static AuditEntry Seal(AuditEvent auditEvent, long sequence, DateTimeOffset at, string previousHash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = ToMicroseconds(at),
            ActorUserId = auditEvent.ActorUserId,

            // Sorted so the same set of roles always hashes the same, whatever order the portal listed them in.
            ActorRoles = [.. auditEvent.ActorRoles.Order(StringComparer.Ordinal)],
            Action = auditEvent.Action,
            SubjectType = auditEvent.SubjectType,
            SubjectId = auditEvent.SubjectId,
            DetailsJson = auditEvent.DetailsJson,
            PreviousHash = previousHash,
            Hash = "",
        };
        return entry with { Hash = HashOf(entry) };
    }

    /// <summary>The hash the entry's content and previous hash call for (its stored <see cref="AuditEntry.Hash"/> is ignored).</summary>
    public static string HashOf(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes(entry)));

    /// <summary>
    /// Every field length-prefixed (4-byte big-endian length, then UTF-8), in a fixed order after a version tag, so no
    /// two different entries encode alike; the time is UTC ISO 8601 with six fractional digits.
    /// </summary>
    public static byte[] CanonicalBytes(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        Write(buffer, Version);
        Write(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, FormatInstant(entry.At));
        Write(buffer, entry.ActorUserId);
        Write(buffer, entry.ActorRoles.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var role in entry.ActorRoles)
        {
            Write(buffer, role);
        }

        Write(buffer, entry.Action);
        Write(buffer, entry.SubjectType);
        Write(buffer, entry.SubjectId);
        Write(buffer, entry.DetailsJson);
        Write(buffer, entry.PreviousHash);
        return buffer.ToArray();
    }

    /// <summary>The instant as the hash sees it: <c>2026-11-21T06:15:00.123456Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops the tenth of a microsecond PostgreSQL cannot store, so a read-back entry hashes as it was sealed.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private static void Write(Stream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}

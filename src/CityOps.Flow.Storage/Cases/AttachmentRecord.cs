namespace CityOps.Flow.Storage;

/// <summary>A photo stored with a case (its bytes are read separately), optionally tied to a task or report of the case.</summary>
public sealed record AttachmentRecord
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public string? TaskId { get; init; }

    public long? ReportId { get; init; }

    /// <summary>The name the uploader's device gave the file, for display and downloads only.</summary>
    public required string FileName { get; init; }

    /// <summary>The media type the bytes were found to be, never the one the client claimed.</summary>
    public required string MediaType { get; init; }

    public required long SizeBytes { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: the same photo uploaded twice to a case is stored once.</summary>
    public required string Sha256 { get; init; }

    public required string UploadedBy { get; init; }

    public required DateTimeOffset UploadedAt { get; init; }
}

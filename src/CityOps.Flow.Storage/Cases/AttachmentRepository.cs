using Dapper;

namespace CityOps.Flow.Storage;

/// <summary>
/// Photos of cases: their descriptions in <c>attachments</c>, their bytes in <c>attachment_contents</c>. Callers check
/// the case is in the person's scope first (<see cref="CaseRepository.GetAsync"/>); this class only stores and reads.
/// </summary>
public sealed class AttachmentRepository(IDbConnectionFactory connections)
{
    private const string Columns = """
        id AS Id, case_id AS CaseId, task_id AS TaskId, report_id AS ReportId, file_name AS FileName, media_type AS MediaType,
        size_bytes AS SizeBytes, width AS Width, height AS Height, sha256 AS Sha256, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt
        """;

    /// <summary>
    /// Stores the photo unless the case already holds the same bytes, in which case the stored one is returned and
    /// nothing is written (a form posted twice).
    /// </summary>
    public async Task<(AttachmentRecord Attachment, bool Created)> AddAsync(AttachmentRecord attachment, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO attachments (id, case_id, task_id, report_id, file_name, media_type, size_bytes, width, height, sha256, uploaded_by, uploaded_at)
            VALUES (@Id, @CaseId, @TaskId, @ReportId, @FileName, @MediaType, @SizeBytes, @Width, @Height, @Sha256, @UploadedBy, @UploadedAt)
            ON CONFLICT (case_id, sha256) DO NOTHING
            """,
            new
            {
                attachment.Id,
                attachment.CaseId,
                attachment.TaskId,
                attachment.ReportId,
                attachment.FileName,
                attachment.MediaType,
                attachment.SizeBytes,
                attachment.Width,
                attachment.Height,
                attachment.Sha256,
                attachment.UploadedBy,
                UploadedAt = SqlValues.Instant(connections.Dialect, attachment.UploadedAt),
            },
            transaction,
            cancellationToken: ct));
        if (inserted == 0)
        {
            var existing = await connection.QuerySingleAsync<AttachmentRow>(new CommandDefinition(
                $"SELECT {Columns} FROM attachments WHERE case_id = @CaseId AND sha256 = @Sha256",
                new { attachment.CaseId, attachment.Sha256 },
                transaction,
                cancellationToken: ct));
            await transaction.CommitAsync(ct);
            return (existing.ToRecord(), false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO attachment_contents (attachment_id, content) VALUES (@Id, @Content)",
            new { attachment.Id, Content = content.ToArray() },
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return (attachment, true);
    }

    /// <summary>The case's attachments in the order they were added.</summary>
    public async Task<IReadOnlyList<AttachmentRecord>> ListAsync(string caseId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var rows = await connection.QueryAsync<AttachmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM attachments WHERE case_id = @caseId ORDER BY row_id",
            new { caseId },
            cancellationToken: ct));
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>The attachment and its bytes, or null when the case holds no attachment with that id.</summary>
    public async Task<(AttachmentRecord Attachment, byte[] Content)?> ReadAsync(string caseId, string attachmentId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AttachmentRow>(new CommandDefinition(
            $"SELECT {Columns} FROM attachments WHERE case_id = @caseId AND id = @attachmentId",
            new { caseId, attachmentId },
            cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var content = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
            "SELECT content FROM attachment_contents WHERE attachment_id = @attachmentId",
            new { attachmentId },
            cancellationToken: ct));
        return (row.ToRecord(), content);
    }

    /// <summary>Whether the report was filed into the case (a photo may be tied only to a report of its own case).</summary>
    public async Task<bool> IsReportOfCaseAsync(string caseId, long reportId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM case_reports WHERE id = @reportId AND case_id = @caseId",
            new { caseId, reportId },
            cancellationToken: ct)) > 0;
    }

    private sealed class AttachmentRow
    {
        public string Id { get; set; } = "";

        public string CaseId { get; set; } = "";

        public string? TaskId { get; set; }

        public long? ReportId { get; set; }

        public string FileName { get; set; } = "";

        public string MediaType { get; set; } = "";

        public long SizeBytes { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }

        public string Sha256 { get; set; } = "";

        public string UploadedBy { get; set; } = "";

        public object UploadedAt { get; set; } = "";

        public AttachmentRecord ToRecord() => new()
        {
            Id = Id,
            CaseId = CaseId,
            TaskId = TaskId,
            ReportId = ReportId,
            FileName = FileName,
            MediaType = MediaType,
            SizeBytes = SizeBytes,
            Width = Width,
            Height = Height,
            Sha256 = Sha256,
            UploadedBy = UploadedBy,
            UploadedAt = SqlValues.ReadInstant(UploadedAt)!.Value,
        };
    }
}

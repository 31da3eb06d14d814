using System.Security.Cryptography;
using CityOps.Flow.Cases.Attachments;
using CityOps.Flow.Engine.Runtime;
using CityOps.Flow.Engine.Runtime.History;
using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Cases;

/// <summary>
/// Photos of cases, as the intake desk, the inbox and the case page use them. A photo is accepted only when its bytes
/// are a JPEG, PNG, GIF or WebP image (<see cref="PhotoSniffer"/>; the name and claimed type are not trusted) within
/// <see cref="MaxBytes"/>. Reading takes the caller's <see cref="DataScope"/>: outside it a case has no photos to
/// show, exactly as it does not exist.
/// </summary>
public sealed class CaseAttachments(
    AttachmentRepository attachments,
    CaseRepository cases,
    CityAreasSource areas,
    WorkflowEngine engine,
    TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>Per photo; <c>Cases:Attachments:MaxBytes</c>, 10 MiB unless configured (a phone's full-size JPEG is 3–6 MiB).</summary>
    public long MaxBytes { get; } = configuration.GetValue<long?>("Cases:Attachments:MaxBytes") ?? 10 * 1024 * 1024;

    /// <summary>At most this many photos go with one form or request, as with a report's photos.</summary>
    public const int MaxPerUpload = 9;

    /// <summary>
    /// Checks an uploaded file before anything is stored (a form checks its photos before it files the case): null
    /// when it is an image within the size limit, else the reason it would be refused.
    /// </summary>
    public async Task<string?> InspectAsync(IFormFile file, CancellationToken ct = default)
    {
        var name = DisplayName(file.FileName);
        if (file.Length == 0)
        {
            return $"'{name}' is empty";
        }

        if (file.Length > MaxBytes)
        {
            return $"'{name}' is {Megabytes(file.Length)}; a photo may be at most {Megabytes(MaxBytes)}";
        }

        var header = new byte[(int)Math.Min(file.Length, PhotoSniffer.HeaderBytes)];
        await using var stream = file.OpenReadStream();
        await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        return PhotoSniffer.Sniff(header).Refusal is { } refusal ? $"'{name}' is refused: {refusal}" : null;
    }

    /// <summary>
    /// Stores one uploaded photo with the case. The caller has already decided the person may add to this case (it
    /// is in their scope, or they hold one of its tasks); an unknown case, a task or report of another case, an empty,
    /// oversized or non-image file is refused with the field and the reason.
    /// </summary>
    public async Task<AttachmentOutcome> SaveAsync(string caseId, string uploadedBy, IFormFile file, AttachmentLink? link = null, CancellationToken ct = default)
    {
        if (file.Length > MaxBytes)
        {
            return AttachmentOutcome.Refused("file", $"'{DisplayName(file.FileName)}' is {Megabytes(file.Length)}; a photo may be at most {Megabytes(MaxBytes)}");
        }

        await using var stream = file.OpenReadStream();
        return await SaveAsync(caseId, uploadedBy, file.FileName, stream, link, ct);
    }

    /// <summary>Stores one photo read from <paramref name="content"/>; see the <see cref="IFormFile"/> overload.</summary>
    public async Task<AttachmentOutcome> SaveAsync(string caseId, string uploadedBy, string fileName, Stream content, AttachmentLink? link = null, CancellationToken ct = default)
    {
        link ??= AttachmentLink.None;
        var name = DisplayName(fileName);
        var bytes = await ReadBoundedAsync(content, ct);
        if (bytes is null)
        {
            return AttachmentOutcome.Refused("file", $"'{name}' is larger than {Megabytes(MaxBytes)}, the most a photo may be");
        }

        if (bytes.Length == 0)
        {
            return AttachmentOutcome.Refused("file", $"'{name}' is empty");
        }

        var sniffed = PhotoSniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, PhotoSniffer.HeaderBytes)));
        if (sniffed.Format is not { } format)
        {
            return AttachmentOutcome.Refused("file", $"'{name}' is refused: {sniffed.Refusal}");
        }

        var city = await areas.GetAsync(ct);
        if (await cases.GetAsync(caseId, city.Everything, ct) is not { } found)
        {
            return AttachmentOutcome.Refused("caseId", $"there is no case '{caseId}'");
        }

        if (link.TaskId is { } taskId && !IsTaskOf(found, taskId))
        {
            return AttachmentOutcome.Refused("taskId", $"task {taskId} is not a task of case {found.Number}");
        }

        if (link.ReportId is { } reportId && !await attachments.IsReportOfCaseAsync(caseId, reportId, ct))
        {
            return AttachmentOutcome.Refused("reportId", $"report {reportId} was not filed into case {found.Number}");
        }

        var (stored, created) = await attachments.AddAsync(new AttachmentRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            CaseId = caseId,
            TaskId = link.TaskId?.ToString(),
            ReportId = link.ReportId,
            FileName = name,
            MediaType = format.MediaType,
            SizeBytes = bytes.Length,
            Width = format.Width,
            Height = format.Height,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedBy = uploadedBy,
            UploadedAt = clock.GetUtcNow(),
        }, bytes, ct);
        return new AttachmentOutcome(stored, created, null);
    }

    /// <summary>The case's photos in the order they were added; null when the case is unknown or outside the scope.</summary>
    public async Task<IReadOnlyList<AttachmentRecord>?> ListAsync(string caseId, DataScope scope, CancellationToken ct = default) =>
        await cases.GetAsync(caseId, scope, ct) is null ? null : await attachments.ListAsync(caseId, ct);

    /// <summary>One photo with its bytes; null when it, or its case, is unknown or outside the scope.</summary>
    public async Task<(AttachmentRecord Attachment, byte[] Content)?> OpenAsync(string caseId, string attachmentId, DataScope scope, CancellationToken ct = default) =>
        await cases.GetAsync(caseId, scope, ct) is null ? null : await attachments.ReadAsync(caseId, attachmentId, ct);

    private bool IsTaskOf(CaseRecord found, Guid taskId) =>
        Guid.TryParse(found.ProcessInstanceId, out var instanceId)
        && engine.History(instanceId).OfType<UserTaskCreated>().Any(created => created.Task.Id == taskId);

    /// <summary>The whole content, or null as soon as it passes <see cref="MaxBytes"/> (a client may lie about the length).</summary>
    private async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Only the last path segment, without control characters, at most 200 characters: it is shown and sent back in headers.</summary>
    private static string DisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "photo" : name.Length > 200 ? name[..200] : name;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:0.#} MB";
}

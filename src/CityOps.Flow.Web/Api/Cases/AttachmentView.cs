using CityOps.Flow.Storage;

namespace CityOps.Flow.Web.Api.Cases;

/// <summary>A case's photo as the API lists it; <see cref="Url"/> serves the bytes to callers who may see the case.</summary>
public sealed record AttachmentView(
    string Id,
    string CaseId,
    string? TaskId,
    long? ReportId,
    string FileName,
    string MediaType,
    long SizeBytes,
    int Width,
    int Height,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string Url)
{
    public static string UrlOf(AttachmentRecord attachment) => $"/api/cases/{attachment.CaseId}/attachments/{attachment.Id}";

    public static AttachmentView Of(AttachmentRecord a) =>
        new(a.Id, a.CaseId, a.TaskId, a.ReportId, a.FileName, a.MediaType, a.SizeBytes, a.Width, a.Height, a.UploadedBy, a.UploadedAt, UrlOf(a));
}

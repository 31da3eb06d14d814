namespace CityOps.Flow.Web.Cases;

/// <summary>What within the case a photo belongs to: the task it was taken for (a handler's result) or the report it came with.</summary>
public sealed record AttachmentLink(Guid? TaskId = null, long? ReportId = null)
{
    public static AttachmentLink None { get; } = new();
}

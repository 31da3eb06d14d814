namespace CityOps.Flow.Cases.Attachments;

/// <summary>What a photo's bytes say it is: the media type to serve it as, the file extension and the pixel size.</summary>
public sealed record PhotoFormat(string MediaType, string Extension, int Width, int Height);

using System.Buffers.Binary;
using System.Text;

namespace CityOps.Flow.Cases.Attachments;

/// <summary>
/// Decides from a photo's own bytes, never from its name or the type the client claimed, whether it is a JPEG, PNG,
/// GIF or WebP image and how large it is. Anything else (SVG, which can carry script; HEIC, which browsers cannot
/// show; a renamed document) is refused with the reason.
/// </summary>
public static class PhotoSniffer
{
    /// <summary>The media types accepted, for forms' <c>accept</c> attributes and refusals.</summary>
    public static IReadOnlyList<string> AcceptedMediaTypes { get; } = ["image/jpeg", "image/png", "image/gif", "image/webp"];

    /// <summary>Enough of the file to find the size in every accepted format (JPEG's frame header follows its metadata).</summary>
    public const int HeaderBytes = 256 * 1024;

    /// <summary>Larger images are refused: a few kilobytes can declare a picture that would exhaust a viewer's memory.</summary>
    public const long MaxPixels = 100_000_000;

    public static PhotoSniff Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length < 12)
        {
            return PhotoSniff.Refused("the file is too short to be an image");
        }

        if (header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return Sized("image/jpeg", ".jpg", JpegSize(header));
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Sized("image/png", ".png", header.Length >= 24 && header[12..16].SequenceEqual("IHDR"u8)
                ? (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]))
                : null);
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Sized("image/gif", ".gif", (BinaryPrimitives.ReadUInt16LittleEndian(header[6..]), BinaryPrimitives.ReadUInt16LittleEndian(header[8..])));
        }

        if (header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return Sized("image/webp", ".webp", WebPSize(header));
        }

        return PhotoSniff.Refused($"the content is not a JPEG, PNG, GIF or WebP image ({Describe(header)})");
    }

    private static PhotoSniff Sized(string mediaType, string extension, (int Width, int Height)? size)
    {
        if (size is not { Width: > 0, Height: > 0 } found)
        {
            return PhotoSniff.Refused($"the {mediaType} header is damaged or incomplete: no picture size found");
        }

        return (long)found.Width * found.Height > MaxPixels
            ? PhotoSniff.Refused($"the picture is {found.Width}×{found.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted")
            : PhotoSniff.Accepted(new PhotoFormat(mediaType, extension, found.Width, found.Height));
    }

    /// <summary>Walks the marker segments to the first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC).</summary>
    private static (int, int)? JpegSize(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (at + 4 <= data.Length)
        {
            if (data[at] != 0xFF)
            {
                return null;
            }

            var marker = data[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return at + 9 <= data.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]))
                    : null;
            }

            if (marker == 0xDA || length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static (int, int)? WebPSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
        {
            return null;
        }

        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a key frame starts with the start code 9D 01 2A, then 14-bit width and height.
            return data[23] == 0x9D && data[24] == 0x01 && data[25] == 0x2A
                ? (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (data[24] | data[25] << 8 | data[26] << 16), 1 + (data[27] | data[28] << 8 | data[29] << 16));
        }

        return null;
    }

    private static string Describe(ReadOnlySpan<byte> header)
    {
        var text = Encoding.ASCII.GetString(header[..Math.Min(header.Length, 64)]).TrimStart();
        if (text.StartsWith('<'))
        {
            return "it looks like SVG, HTML or XML text";
        }

        if (header.StartsWith("%PDF"u8))
        {
            return "it is a PDF document";
        }

        if (header[4..8].SequenceEqual("ftyp"u8))
        {
            return "it is an HEIC/MP4 container, which browsers cannot show; send it as JPEG";
        }

        return header.StartsWith("PK"u8) ? "it is a ZIP or Office document" : $"it starts with {Convert.ToHexString(header[..8])}";
    }
}

using System.Text;
using CityOps.Flow.Cases.Attachments;

namespace CityOps.Flow.Cases.Tests.Attachments;

public sealed class PhotoSnifferTests
{
    [Fact]
    public void A_png_is_known_by_its_signature_and_its_size_read_from_the_header()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0x0F, 0x00, 0, 0, 0x0B, 0x40, 8, 2, 0, 0, 0];

        var format = PhotoSniffer.Sniff(png).Format;

        Assert.Equal(new PhotoFormat("image/png", ".png", 3840, 2880), format);
    }

    [Fact]
    public void A_jpeg_size_is_found_in_the_frame_header_after_its_exif_segment()
    {
        // SOI, APP1 (Exif) of 16 bytes, SOF0 with height 3024 and width 4032.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, .. "Exif\0\0"u8, .. new byte[8], 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x0B, 0xD0, 0x0F, 0xC0, 0x03, .. new byte[9]];

        var format = PhotoSniffer.Sniff(jpeg).Format;

        Assert.Equal(new PhotoFormat("image/jpeg", ".jpg", 4032, 3024), format);
    }

    [Fact]
    public void A_gif_and_a_lossless_webp_are_accepted_with_their_sizes()
    {
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02, 0, 0, 0, 0];
        // VP8L: signature 0x2F, then 14 bits width-1 and 14 bits height-1 (99 and 49).
        var bits = 99u | (49u << 14);
        byte[] webp = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8L"u8, 0, 0, 0, 0, 0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), .. new byte[8]];

        Assert.Equal(new PhotoFormat("image/gif", ".gif", 800, 600), PhotoSniffer.Sniff(gif).Format);
        Assert.Equal(new PhotoFormat("image/webp", ".webp", 100, 50), PhotoSniffer.Sniff(webp).Format);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "SVG")]
    [InlineData("%PDF-1.7 a scanned form", "PDF")]
    [InlineData("just some text typed into a file named photo.jpg", "not a JPEG, PNG, GIF or WebP")]
    public void Content_that_is_not_an_image_is_refused_saying_what_it_looks_like(string content, string expected)
    {
        var sniff = PhotoSniffer.Sniff(Encoding.UTF8.GetBytes(content));

        Assert.Null(sniff.Format);
        Assert.Contains(expected, sniff.Refusal);
    }

    [Fact]
    public void A_truncated_jpeg_without_a_frame_header_is_refused_as_damaged()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, .. new byte[9]];

        Assert.Contains("damaged or incomplete", PhotoSniffer.Sniff(jpeg).Refusal);
    }

    [Fact]
    public void A_picture_declaring_more_pixels_than_the_limit_is_refused()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0xC3, 0x50, 0, 0, 0xC3, 0x50, 8, 2, 0, 0, 0];

        Assert.Contains("50000×50000 pixels", PhotoSniffer.Sniff(png).Refusal);
    }
}

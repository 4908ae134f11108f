using System.IO.Compression;
using System.Text;
using Hotline.Domain.Attachments;

namespace Hotline.Host.Tests.Attachments;

/// <summary>The type comes from the bytes: each accepted signature, and what is refused whatever its name.</summary>
public sealed class ContentTypeDetectorTests
{
    public static TheoryData<string, string?> Samples => new()
    {
        { "FFD8FFE000104A464946", "image/jpeg" },
        { "89504E470D0A1A0A0000", "image/png" },
        { "474946383961", "image/gif" },
        { "524946460000000057454250", "image/webp" },
        { "255044462D312E37", "application/pdf" },
        { "494433040000", "audio/mpeg" },
        { "FFFB9064", "audio/mpeg" },
        { "524946460000000057415645", "audio/wav" },
        { "2321414D520A", "audio/amr" },
        { "000000206674797049534F4D", "video/mp4" },
        { "00000020667479704D344120", "audio/mp4" },
        { "4D5A90000300", null },
        { "7F454C460201", null },
        { "23212F62696E2F7368", null },
        { "524946460000000041564920", null },
        { "0000000000", null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Should_name_the_type_from_the_signature_or_refuse_When_the_bytes_start_so(string hex, string? expected)
    {
        using var content = new MemoryStream(Convert.FromHexString(hex));

        Assert.Equal(expected, ContentTypeDetector.Detect(content));
    }

    [Theory]
    [InlineData("word/document.xml", true, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("xl/workbook.xml", true, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("word/document.xml", false, null)]
    [InlineData("payload.exe", true, null)]
    public void Should_accept_only_office_documents_When_the_content_is_a_zip(string part, bool withContentTypes, string? expected)
    {
        using var content = new MemoryStream();
        using (var zip = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (withContentTypes)
                zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }

        Assert.Equal(expected, ContentTypeDetector.Detect(content));
    }

    [Theory]
    [InlineData("市民反映：路灯不亮。\r\n\t第二行", "text/plain")]
    [InlineData("控制字符\u0001", null)]
    public void Should_accept_utf8_text_without_control_characters(string text, string? expected)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Equal(expected, ContentTypeDetector.Detect(content));
    }

    [Fact]
    public void Should_refuse_text_When_it_is_not_valid_utf8()
    {
        using var content = new MemoryStream([0x41, 0xC3, 0x28, 0x42]);

        Assert.Null(ContentTypeDetector.Detect(content));
    }
}

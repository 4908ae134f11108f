using System.IO.Compression;
using System.Text;

namespace Hotline.Domain.Attachments;

/// <summary>
/// The type of a file from its bytes (magic numbers), never from its name: JPEG, PNG, GIF, WebP, PDF, MP3, WAV, AMR,
/// M4A/MP4, DOCX/XLSX (a ZIP with <c>[Content_Types].xml</c>) and UTF-8 plain text. Executables (MZ, ELF, a script's
/// <c>#!</c>) and anything else are unknown. No maintained sniffing package was available (nuget.tsv: Mime-Detective only
/// as a 2017 beta, HeyRed.Mime failed to restore), so this is a small table.
/// </summary>
public static class ContentTypeDetector
{
    /// <summary>The content types this detector can name.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "audio/mpeg", "audio/wav", "audio/amr", "audio/mp4", "video/mp4",
        Docx, Xlsx, "text/plain",
    ];

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly (byte[] Magic, string Type)[] Prefixes =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ("GIF87a"u8.ToArray(), "image/gif"),
        ("GIF89a"u8.ToArray(), "image/gif"),
        ("%PDF-"u8.ToArray(), "application/pdf"),
        ("ID3"u8.ToArray(), "audio/mpeg"),
        ("#!AMR\n"u8.ToArray(), "audio/amr"),
    ];

    private static readonly byte[] Elf = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>The content type of <paramref name="content"/> (seekable; read from its start), or null when it is not a known, harmless type.</summary>
    public static string? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[16];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        foreach (var (magic, type) in Prefixes)
        {
            if (bytes.StartsWith(magic))
                return type;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8))
            return bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : bytes[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
            return bytes[8..12].SequenceEqual("M4A "u8) ? "audio/mp4" : "video/mp4";
        if (bytes.Length >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0 && (bytes[1] & 0x06) != 0)
            return "audio/mpeg";
        if (bytes.StartsWith("PK\x03\x04"u8))
            return OfficeDocument(content);
        if (bytes.StartsWith("MZ"u8) || bytes.StartsWith(Elf) || bytes.StartsWith("#!"u8))
            return null;
        return IsPlainText(content) ? "text/plain" : null;
    }

    /// <summary>DOCX or XLSX: a ZIP with the Open Packaging parts list and the document's folder; any other ZIP is refused.</summary>
    private static string? OfficeDocument(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
                return null;
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
                return Docx;
            return names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 without control characters other than tab, line feed, form feed and carriage return.</summary>
    private static bool IsPlainText(Stream content)
    {
        content.Position = 0;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 1];
        int read;
        var any = false;
        try
        {
            while ((read = content.Read(bytes)) > 0)
            {
                any = true;
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (chars.AsSpan(0, count).ContainsAny(Controls))
                    return false;
            }

            return any && decoder.GetChars([], 0, 0, chars, 0, flush: true) == 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\f' or '\r')).Select(c => (char)c), '\x7F']);
}

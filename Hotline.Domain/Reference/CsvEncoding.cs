using System.Text;

namespace Hotline.Domain.Reference;

/// <summary>
/// The text encoding of an uploaded CSV file. Files are UTF-8 (with or without a byte-order mark); a file that is not
/// valid UTF-8 is read as GB18030, the superset of GBK and GB2312 in which Excel on a Chinese Windows saves "CSV", so
/// such a file loads with its Chinese names intact instead of garbled.
/// </summary>
internal static class CsvEncoding
{
    /// <summary>GB18030's code page.</summary>
    private const int Gb18030 = 54936;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary><paramref name="content"/> as UTF-8: itself when it is, else its text decoded as GB18030, re-encoded.</summary>
    public static Stream AsUtf8(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        try
        {
            StrictUtf8.GetString(bytes);
            return new MemoryStream(bytes, writable: false);
        }
        catch (DecoderFallbackException)
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(Encoding.GetEncoding(Gb18030).GetString(bytes)), writable: false);
        }
    }
}

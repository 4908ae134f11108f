using Hotline.Domain.Cases;
using System.Text;
using System.Text.RegularExpressions;

namespace Hotline.Domain.Privacy;

/// <summary>
/// Hides a citizen's personal data wherever the hotline shows it to someone who may not see it: the anonymous Open311
/// feed (descriptions and addresses) and the telephone number that handling units and integrators see. Citizens often
/// write their number, ID card or bank card into what they say, and public outputs must not carry them (《个人信息保护法》
/// art. 51, and the display masking of GB/T 35273-2020 §6.2 and JR/T 0171-2020 for card numbers).
/// </summary>
/// <remarks>
/// What stays visible is enough to tell two people apart or to confirm with the citizen, never enough to call them:
/// <list type="bullet">
/// <item>full-width digits are read (and shown) as ASCII ones;</item>
/// <item>mobile numbers the first three and last four digits: <c>138****5678</c>; landlines the area code and last four:
/// <c>0731-****1234</c>, <c>(010)****5678</c>; local numbers after 电话/座机/号码 the last four: <c>****1234</c>;</item>
/// <item>resident ID numbers (18 characters, or 15 digits before 1999) the region's first three and last four:
/// <c>110***********1234</c>;</item>
/// <item>bank card numbers (16 to 19 digits, maybe in groups of four) the first four and last four: <c>6222 **** **** 1234</c>;</item>
/// <item>e-mail addresses the first character and the domain: <c>z***@example.com</c>;</item>
/// <item>names the surname: the caller's known name, and a name after 姓名 / 联系人 / 我叫: <c>张**</c>.</item>
/// </list>
/// Separators are kept as written; case numbers (<c>20261122-000123</c>), dates, amounts, district codes (<c>430102</c>)
/// and quantities are left alone.
/// </remarks>
public static partial class PersonalDataMasker
{
    /// <summary>
    /// <paramref name="text"/> with every identifier above masked; <paramref name="knownName"/> and
    /// <paramref name="knownPhone"/> (the caller's, as registered) are masked however they are written in it.
    /// </summary>
    public static string Mask(string text, string? knownName = null, string? knownPhone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Email().Replace(FoldFullWidthDigits(text), m => m.Groups["first"].Value + "***@" + m.Groups["domain"].Value);
        masked = IdNumber().Replace(masked, m => Keep(m.Value, 3, 4, checkCharacter: true));
        masked = BankCard().Replace(masked, m => Keep(m.Value, 4, 4, checkCharacter: false));
        masked = MaskTelephones(masked, knownPhone);
        if (!string.IsNullOrWhiteSpace(knownName) && knownName.Trim().Length >= 2)
            masked = masked.Replace(knownName.Trim(), MaskName(knownName.Trim()), StringComparison.Ordinal);
        return LabelledName().Replace(masked, m => m.Groups["label"].Value + MaskName(m.Groups["name"].Value));
    }

    /// <summary>
    /// <paramref name="text"/> with only its telephone numbers masked (<paramref name="knownPhone"/>, the caller's, however
    /// it is written in it): what a role that sees the caller's number masked sees of what the caller said.
    /// </summary>
    public static string MaskTelephoneNumbers(string text, string? knownPhone = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MaskTelephones(FoldFullWidthDigits(text), knownPhone);
    }

    private static string MaskTelephones(string text, string? knownPhone)
    {
        var masked = PhoneNumbers.Normalize(knownPhone) is { Length: >= 7 } own ? MaskOwnNumber(text, own) : text;
        masked = MobileNumber().Replace(masked, m => MaskPhone(m.Value)!);
        masked = Landline().Replace(masked, m => MaskPhone(m.Value)!);
        return LocalNumber().Replace(masked, m => m.Groups["label"].Value + MaskPhone(m.Groups["number"].Value));
    }

    /// <summary>
    /// <paramref name="text"/> with the caller's own number (<paramref name="own"/>, its digits) masked however it was
    /// written: not inside a longer run of digits, with at most one separator between two of its digits. A scan rather than
    /// a pattern built from the number: the case lists mask every row's own number, and a new pattern is parsed each time.
    /// </summary>
    private static string MaskOwnNumber(string text, string own)
    {
        StringBuilder? masked = null;
        var copied = 0;
        for (var start = text.IndexOf(own[0], StringComparison.Ordinal); start >= 0; start = text.IndexOf(own[0], start + 1))
        {
            if (start > 0 && char.IsDigit(text[start - 1]) || OwnNumberEnd(text, start, own) is not { } end)
                continue;
            masked ??= new StringBuilder(text.Length);
            masked.Append(text, copied, start - copied).Append(MaskPhone(text[start..end]));
            copied = end;
            start = end - 1;
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where <paramref name="own"/>'s digits, written from <paramref name="start"/> with single separators between them, end; null if they are not there.</summary>
    private static int? OwnNumberEnd(string text, int start, string own)
    {
        var i = start;
        for (var k = 0; k < own.Length; k++)
        {
            if (k > 0 && i + 1 < text.Length && IsSeparator(text[i]) && char.IsDigit(text[i + 1]))
                i++;
            if (i >= text.Length || text[i] != own[k])
                return null;
            i++;
        }

        return i < text.Length && char.IsDigit(text[i]) ? null : i;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '\u00B7' or '\u2013' or '\u2014' or '\uFF0D';

    /// <summary>
    /// What people put between the groups of a telephone number's digits: a space, a hyphen, a dot, a middle dot, an en or
    /// em dash or a full-width hyphen (139.1234.5678, 139—1234—5678); <see cref="IsSeparator"/> says the same of one character.
    /// </summary>
    private const string Separator = @"[ \-.\u00B7\u2013\u2014\uFF0D]";

    /// <summary>
    /// Full-width digits (１３９１２３４５６７８, as Chinese input methods type them) written as ASCII digits, so the
    /// patterns below find them and the masked text hides them like any other.
    /// </summary>
    private static string FoldFullWidthDigits(string text)
    {
        if (!text.Any(c => c is >= '\uFF10' and <= '\uFF19'))
            return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '\uFF10' and <= '\uFF19' ? (char)('0' + (source[i] - '\uFF10')) : source[i];
        });
    }

    /// <summary>
    /// A telephone number as those who may not see it in full see it. Mobile numbers (11 digits starting with 1,
    /// optionally after 86 / +86 / 0086) keep the first three and last four digits; landlines with an area code
    /// (<c>0371-12345678</c>) the area code (three digits for 010 and 02x, four otherwise) and the last four; other
    /// numbers of eight or more digits the last four, five to seven digits the last two, four or fewer none. Null or a
    /// string without digits is returned as it is.
    /// </summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var (keepStart, keepEnd) = VisibleDigits(digits);
        return Keep(phone, keepStart, keepEnd, checkCharacter: false);
    }

    /// <summary>A name with only its first character (the surname) visible: 张敏 → 张*.</summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length < 2 ? name : name[0] + new string('*', name.Length - 1);
    }

    /// <summary>The digits (and with <paramref name="checkCharacter"/> an ID number's final X) of <paramref name="text"/> hidden but the first and last few; separators kept.</summary>
    private static string Keep(string text, int keepStart, int keepEnd, bool checkCharacter)
    {
        bool IsMaskable(char c) => char.IsAsciiDigit(c) || (checkCharacter && c is 'X' or 'x');
        var count = text.Count(IsMaskable);
        var builder = new StringBuilder(text.Length);
        var index = 0;
        foreach (var c in text)
        {
            if (!IsMaskable(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(index < keepStart || index >= count - keepEnd ? c : '*');
            index++;
        }

        return builder.ToString();
    }

    private static (int Start, int End) VisibleDigits(string digits)
    {
        var n = digits.Length;
        var prefix = n == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? 2
            : n == 15 && digits.StartsWith("0086", StringComparison.Ordinal) ? 4
            : 0;
        if (n - prefix == 11 && digits[prefix] == '1')
            return (prefix + 3, 4);
        if (n >= 10 && digits[0] == '0')
            return (digits[1] is '1' or '2' ? 3 : 4, 4);
        if (n >= 11)
            return (3, 4);
        return n switch
        {
            >= 8 => (0, 4),
            >= 5 => (0, 2),
            _ => (0, 0),
        };
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>18-character (region, birth date 18xx–20xx, sequence, check digit or X) and 15-digit resident ID numbers.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    /// <summary>16 to 19 digits, together or in groups of four separated by a space or hyphen.</summary>
    [GeneratedRegex(@"(?<![\d-])(?:\d{16,19}|\d{4}(?:[ \-]\d{4}){3}(?:[ \-]?\d{1,3})?)(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex BankCard();

    /// <summary>A mainland mobile number as people write it (+86 138-1234-5678, 138 1234 5678).</summary>
    [GeneratedRegex(@"(?<!\d)(?:\+?86[ \-]?)?1[3-9]\d(?:" + Separator + @"?\d){8}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();

    /// <summary>A landline with its area code: 0731-88881234, 0731 8888 1234, (010)12345678, （0731）8888123.</summary>
    [GeneratedRegex(@"(?<![\d-])(?:[(（]0\d{2,3}[)）]|0\d{2,3})" + Separator + @"?\d{3,4}" + Separator + @"?\d{4}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();

    /// <summary>A local number of seven or eight digits where the text says it is a telephone number.</summary>
    [GeneratedRegex(@"(?<label>(?:电话|座机|固话|号码|联系方式|tel|Tel|TEL)[：:\s是为]{0,3})(?<number>\d{7,8})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LocalNumber();

    /// <summary>A name where the text says it is one: 姓名：张三, 联系人 李四, 我叫王小明.</summary>
    [GeneratedRegex(@"(?<label>(?:姓名|联系人|我叫)[：:\s是为]{0,2})(?![了过来人他她你])(?<name>[\u4e00-\u9fff]{2,3})", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledName();
}

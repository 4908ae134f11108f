using System.Text;

namespace Hotline.Host.Cases;

/// <summary>
/// Masks telephone numbers for lists and API responses: <c>13812345678</c> → <c>138****5678</c>.
/// Separators and a country prefix are kept as written; only digits are hidden.
/// </summary>
/// <remarks>
/// Mobile numbers (11 digits starting with 1, optionally after 86 / +86 / 0086) show the first three and last four
/// digits. Landlines with an area code (<c>0371-12345678</c>) keep the area code (three digits for 010 and 02x, four
/// otherwise) and the last four digits. Other numbers of eight or more digits show the last four, five to seven digits
/// the last two, and four or fewer nothing.
/// </remarks>
public static class PhoneMasking
{
    /// <summary>The masked number; null or a string without digits is returned as it is.</summary>
    public static string? Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
            return phone;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var (keepStart, keepEnd) = Visible(digits);
        var builder = new StringBuilder(phone.Length);
        var index = 0;
        foreach (var c in phone)
        {
            if (!char.IsAsciiDigit(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(index < keepStart || index >= digits.Length - keepEnd ? c : '*');
            index++;
        }

        return builder.ToString();
    }

    /// <summary>How many leading and trailing digits stay visible.</summary>
    private static (int Start, int End) Visible(string digits)
    {
        var n = digits.Length;
        var prefix = CountryPrefixLength(digits);
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

    private static int CountryPrefixLength(string digits)
    {
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
            return 2;
        if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal))
            return 4;
        return 0;
    }
}

/// <summary>Normalizes telephone numbers for storage and comparison.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// Digits only, without China's country prefix on mobile numbers: <c>+86 138-1234-5678</c> → <c>13812345678</c>,
    /// <c>0371-12345678</c> → <c>037112345678</c>. Null or a string without digits gives null.
    /// </summary>
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
            return digits[2..];
        if (digits.Length == 15 && digits.StartsWith("00861", StringComparison.Ordinal))
            return digits[4..];
        return digits.Length == 0 ? null : digits;
    }
}

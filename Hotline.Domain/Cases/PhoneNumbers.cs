namespace Hotline.Domain.Cases;

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

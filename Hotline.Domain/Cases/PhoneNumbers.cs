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

    /// <summary>
    /// The normalized number of a telephone as a person typed it — at most 32 characters of digits, spaces, '+' and '-',
    /// giving 5 or more digits — or null when it is not one (the intake and the phone search refuse it alike).
    /// </summary>
    public static string? ParseTyped(string? text) =>
        text is { Length: > 0 and <= 32 } && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-') && Normalize(text) is { Length: >= 5 } digits
            ? digits
            : null;

    /// <summary>
    /// The normalized number of a Chinese mobile telephone as a person typed it (<c>139-0000-0001</c>, <c>+86 139 0000 0001</c>
    /// → <c>13900000001</c>: eleven digits, 13–19), or null when it is not one.
    /// </summary>
    public static string? ParseMobile(string? text) =>
        ParseTyped(text) is { Length: 11 } digits && digits[0] == '1' && digits[1] is >= '3' and <= '9' ? digits : null;

    /// <summary>What is said about a number <see cref="ParseMobile"/> refuses.</summary>
    public const string MobileRule = "A Chinese mobile number: 11 digits from 13 to 19 (spaces, '-' and +86 allowed).";

    /// <summary>What the intake and the phone search say about a number <see cref="ParseTyped"/> refuses.</summary>
    public const string TypedRule = "The telephone number must be 5 to 20 digits (spaces, '+' and '-' allowed).";
}

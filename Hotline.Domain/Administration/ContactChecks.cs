using System.Net.Mail;
using Hotline.Domain.Cases;

namespace Hotline.Domain.Administration;

/// <summary>The checks of the addresses notices are sent to: an e-mail address and a Chinese mobile number.</summary>
public static class ContactChecks
{
    /// <summary>The longest e-mail address.</summary>
    public const int EmailMaxLength = 256;

    /// <summary>
    /// The trimmed e-mail address <paramref name="text"/> (null when empty), adding an error for <paramref name="field"/>
    /// when it is not a single plain address (<c>name@example.gov.cn</c>) of at most 256 characters.
    /// </summary>
    public static string? Email(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Codes.Trimmed(text) is not { } address)
            return null;
        if (address.Length > EmailMaxLength)
            errors[field] = [$"At most {EmailMaxLength} characters."];
        else if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !parsed.Host.Contains('.', StringComparison.Ordinal))
            errors[field] = [$"'{address}' is not an e-mail address (name@example.gov.cn)."];
        return address;
    }

    /// <summary>
    /// The normalized mobile number <paramref name="text"/> (null when empty), adding an error for <paramref name="field"/>
    /// when it is not a Chinese mobile number (<see cref="PhoneNumbers.ParseMobile"/>).
    /// </summary>
    public static string? Mobile(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Codes.Trimmed(text) is not { } typed)
            return null;
        if (PhoneNumbers.ParseMobile(typed) is { } mobile)
            return mobile;
        errors[field] = [$"'{typed}' is not a mobile number. {PhoneNumbers.MobileRule}"];
        return null;
    }
}

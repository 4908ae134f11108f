namespace Hotline.Domain.Administration;

/// <summary>The shape of reference keys (unit, subject, rule and article codes) and district codes, and the checks of a sent field.</summary>
public static class Codes
{
    /// <summary>The longest code.</summary>
    public const int MaxLength = 32;

    /// <summary>Letters, digits, '-', '_' and '.', at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsCode(string? text, int maxLength = MaxLength) =>
        text is { Length: > 0 } && text.Length <= maxLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>A six-digit administrative division code (行政区划代码).</summary>
    public static bool IsDistrictCode(string? text) => text is { Length: 6 } && text.All(char.IsAsciiDigit);

    /// <summary>The trimmed text, or null when empty.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="code"/> is a code.</summary>
    public static void Check(string? code, string field, Dictionary<string, string[]> errors, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(code))
            errors[field] = ["Required."];
        else if (!IsCode(code, maxLength))
            errors[field] = [$"'{code}' is not a code: at most {maxLength} letters, digits, '-', '_' and '.'."];
    }

    /// <summary>Adds an error when a change sends a key other than the record's: keys never change (create a new record instead).</summary>
    public static void CheckSameKey(string? sent, string key, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Trimmed(sent) is { } other && other != key)
            errors[field] = [$"'{other}' is not '{key}': the key never changes; create a new record instead."];
    }

    /// <summary>Adds an error for <paramref name="field"/> unless <paramref name="text"/> is given and at most <paramref name="maxLength"/> characters.</summary>
    public static void CheckText(string? text, string field, int maxLength, Dictionary<string, string[]> errors, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors[field] = ["Required."];
        }
        else if (text.Trim().Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }
}

using System.Globalization;

namespace Hotline.Domain.Reference;

/// <summary>
/// The cells of one data row, by column key, read into values; every bad cell is added to the problems with its
/// file, row and column, and a harmless stand-in is returned so the rest of the row is still checked.
/// </summary>
internal sealed class ReferenceCells(IReadOnlyDictionary<string, string> cells, string file, int row, List<ReferenceProblem> problems)
{
    /// <summary>The longest code (unit, subject, rule and article keys).</summary>
    public const int MaxCodeLength = 32;

    private static readonly char[] ListSeparators = [',', ';', ' ', '，', '；', '、', '\n'];

    public string File => file;

    public int Row => row;

    /// <summary>The cell's text, trimmed; empty when the column is absent.</summary>
    public string Raw(string column) => cells.TryGetValue(column, out var text) ? text : "";

    public void Problem(string column, string reason) => problems.Add(new ReferenceProblem(file, row, column, reason));

    public string Text(string column, int maxLength)
    {
        var text = Raw(column);
        if (text.Length == 0)
            Problem(column, "required");
        else if (text.Length > maxLength)
            Problem(column, $"longer than {maxLength} characters");
        return text;
    }

    public string? OptionalText(string column, int maxLength)
    {
        var text = Raw(column);
        if (text.Length > maxLength)
            Problem(column, $"longer than {maxLength} characters");
        return text.Length == 0 ? null : text;
    }

    /// <summary>An e-mail address (<see cref="Administration.ContactChecks.Email"/>), or null when empty.</summary>
    public string? OptionalEmail(string column)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var address = Administration.ContactChecks.Email(Raw(column), column, errors);
        foreach (var reason in errors.Values.SelectMany(r => r))
            Problem(column, reason);
        return address;
    }

    public string Code(string column)
    {
        var code = Text(column, MaxCodeLength);
        if (code.Length > 0 && !IsCode(code))
            Problem(column, $"'{code}' is not a code: letters, digits, '-', '_' and '.' only");
        return code;
    }

    public string? OptionalCode(string column)
    {
        var code = Raw(column);
        if (code.Length == 0)
            return null;
        if (code.Length > MaxCodeLength || !IsCode(code))
            Problem(column, $"'{code}' is not a code: at most {MaxCodeLength} letters, digits, '-', '_' and '.'");
        return code;
    }

    public IReadOnlyList<string> Codes(string column)
    {
        var codes = Raw(column).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in codes.Where(c => c.Length > MaxCodeLength || !IsCode(c)))
            Problem(column, $"'{code}' is not a code");
        return codes;
    }

    /// <summary>A six-digit administrative division code (行政区划代码).</summary>
    public string? DistrictCode(string column, bool required)
    {
        var text = Raw(column);
        if (text.Length == 0)
        {
            if (required)
                Problem(column, "required: a six-digit division code");
            return null;
        }

        if (!Administration.Codes.IsDistrictCode(text))
            Problem(column, $"'{text}' is not a six-digit division code");
        return text;
    }

    public bool Flag(string column, bool empty)
    {
        var text = Raw(column);
        if (text.Length == 0)
            return empty;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "1" or "是" or "启用":
                return true;
            case "false" or "no" or "0" or "否" or "停用":
                return false;
            default:
                Problem(column, $"'{text}' is not true or false (是/否)");
                return empty;
        }
    }

    public int Integer(string column, int empty)
    {
        var text = Raw(column);
        if (text.Length == 0)
            return empty;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        Problem(column, $"'{text}' is not a whole number");
        return empty;
    }

    /// <summary>One of <typeparamref name="T"/>'s names, or its number.</summary>
    public T Choice<T>(string column, T? empty)
        where T : struct, Enum
    {
        var text = Raw(column);
        if (text.Length == 0 && empty is { } value)
            return value;
        if (text.Length > 0 && Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        Problem(column, text.Length == 0
            ? $"required: one of {string.Join(", ", Enum.GetNames<T>())}"
            : $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
        return default;
    }

    /// <summary>Several of <typeparamref name="T"/>'s names, separated like codes; null when empty.</summary>
    public List<T>? Choices<T>(string column)
        where T : struct, Enum
    {
        var texts = Raw(column).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (texts.Length == 0)
            return null;
        var values = new List<T>();
        foreach (var text in texts)
        {
            if (Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(text[0]))
                values.Add(parsed);
            else
                Problem(column, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
        }

        return [.. values.Distinct()];
    }

    /// <summary>A date (2026-01-15); null when empty.</summary>
    public DateOnly? Date(string column)
    {
        var text = Raw(column);
        if (text.Length == 0)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Problem(column, $"'{text}' is not a date (2026-01-15)");
        return null;
    }

    /// <summary>A date or date and time; without an offset it is taken as UTC. Null when empty.</summary>
    public DateTimeOffset? Timestamp(string column)
    {
        var text = Raw(column);
        if (text.Length == 0)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) && value.Year is >= 1900 and <= 2200)
            return value;
        Problem(column, $"'{text}' is not a date (2026-01-15 or 2026-01-15T09:30:00+08:00)");
        return null;
    }

    private static bool IsCode(string code) => Administration.Codes.IsCode(code, int.MaxValue);
}

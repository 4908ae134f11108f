using System.Globalization;

namespace Hotline.Domain.Reference;

/// <summary>How values are written into cells, and how a read cell becomes text.</summary>
internal static class ReferenceText
{
    public static string Flag(bool value) => value ? "true" : "false";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>What a spreadsheet reads as the start of a formula when it opens a CSV file (CSV injection).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A CSV cell that a spreadsheet would run as a formula (<c>=HYPERLINK(…)</c>, <c>@SUM(…)</c>, <c>-2+3</c>) written
    /// with a leading apostrophe, which spreadsheets show as text; <see cref="Cell"/> takes it off again on import, so an
    /// export imported again changes nothing.
    /// </summary>
    public static string Guard(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>A cell as a spreadsheet gives it (text, a number, a date, a flag), as trimmed text, without <see cref="Guard"/>'s apostrophe.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string text => Unguard(text.Trim()),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => Flag(flag),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    private static string Unguard(string text) => text.Length > 1 && text[0] == '\'' && FormulaStarts.Contains(text[1]) ? text[1..] : text;
}

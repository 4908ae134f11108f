using System.Globalization;

namespace Hotline.Domain.Reference;

/// <summary>How values are written into cells, and how a read cell becomes text.</summary>
internal static class ReferenceText
{
    public static string Flag(bool value) => value ? "true" : "false";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A cell as a spreadsheet gives it (text, a number, a date, a flag), as trimmed text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string text => text.Trim(),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => Flag(flag),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };
}

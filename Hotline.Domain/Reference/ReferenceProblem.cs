namespace Hotline.Domain.Reference;

/// <summary>
/// One thing wrong with an imported file: the file, the spreadsheet row (1 is the header row, data starts at 2; 0 is
/// the file as a whole), the column's header (empty when the problem is not one cell's) and why.
/// </summary>
public sealed record ReferenceProblem(string File, int Row, string Column, string Reason)
{
    /// <summary>The header row, where a missing or unknown column is reported.</summary>
    public const int HeaderRow = 1;

    /// <summary>Whether the file itself is wrong (its name, type, contents or headers), not one of its data rows.</summary>
    public bool IsFileProblem => Row <= HeaderRow;

    /// <summary>A key naming the place, as problem details list it: <c>units.csv:4:districtCode</c>.</summary>
    public string Key => Column.Length == 0 ? $"{File}:{Row}" : $"{File}:{Row}:{Column}";
}

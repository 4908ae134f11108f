using MiniExcelLibs;

namespace Hotline.Domain.Spreadsheets;

/// <summary>
/// Writing workbooks with MiniExcel. A text cell of an xlsx file is stored as a string, which no spreadsheet runs as a
/// formula, so <c>=HYPERLINK(…)</c> in a name stays text; numbers are written as numbers.
/// </summary>
public static class Spreadsheet
{
    /// <summary>The media type of an xlsx workbook.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes <paramref name="sheets"/> (one table, or a <c>Dictionary&lt;string, object&gt;</c> of sheet name → rows for
    /// several sheets) to <paramref name="output"/> with a header row.
    /// </summary>
    public static async Task SaveAsync(Stream output, object sheets, ExcelType type = ExcelType.XLSX, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        // MiniExcel may close the stream it writes; a memory stream's bytes outlive that.
        var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets, printHeader: true, excelType: type, cancellationToken: cancellationToken);
        await output.WriteAsync(buffer.ToArray(), cancellationToken);
    }
}

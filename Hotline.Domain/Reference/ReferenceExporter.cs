using System.Data;
using Hotline.Domain.Persistence;
using Hotline.Domain.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Hotline.Domain.Reference;

/// <summary>
/// Writes reference data in the layout the importer reads (<see cref="ReferenceLayout"/>), so an export imported
/// again changes nothing. Every cell is written as text, so codes such as <c>990103</c> stay codes in Excel.
/// </summary>
public static class ReferenceExporter
{
    /// <summary>Writes every stored row of <paramref name="kind"/>: parents before children, then by key.</summary>
    public static async Task ExportAsync(HotlineDbContext db, ReferenceKind kind, ReferenceFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        IEnumerable<object> rows = kind switch
        {
            ReferenceKind.Units => await db.HandlingUnits.AsNoTracking().OrderBy(u => u.Level).ThenBy(u => u.Code).ToListAsync(cancellationToken),
            ReferenceKind.Subjects => await db.Subjects.AsNoTracking().OrderBy(s => s.ParentCode != null).ThenBy(s => s.Code).ToListAsync(cancellationToken),
            ReferenceKind.Routing => await db.RoutingRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken),
            ReferenceKind.Knowledge => await db.KnowledgeArticles.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        await WriteAsync(ReferenceLayout.For(kind), rows, format, output, cancellationToken);
    }

    /// <summary>Writes <paramref name="rows"/> (entities of the layout's kind) in their order.</summary>
    public static async Task WriteAsync(ReferenceLayout layout, IEnumerable<object> rows, ReferenceFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        using var table = new DataTable(ReferenceFileNames.Word(layout.Kind)) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in layout.Columns)
            table.Columns.Add(column.Key, typeof(string));
        // A workbook stores every cell as a string, which no spreadsheet runs; a CSV cell is guarded against formulas.
        foreach (var row in rows)
            table.Rows.Add([.. layout.Write(row).Select(cell => format == ReferenceFormat.Csv ? ReferenceText.Guard(cell) : cell)]);
        await Spreadsheet.SaveAsync(output, table, format == ReferenceFormat.Csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken);
    }
}

using MiniExcelLibs;

namespace Hotline.Domain.Reference;

/// <summary>A file to import: its name (which says its kind and format) and its bytes.</summary>
public sealed record ReferenceFile(string Name, Stream Content);

/// <summary>An entity read from a file, with the row it came from.</summary>
public sealed record ReferenceRow(string File, int Row, object Entity, string Key);

/// <summary>
/// What one file held: its kind (null when the name says none), its good rows, what was wrong, and the keys of the
/// rows that had problems (other files may refer to those without a second complaint).
/// </summary>
public sealed record ReferenceFileContent(string File, ReferenceKind? Kind, IReadOnlyList<ReferenceRow> Rows, IReadOnlyList<ReferenceProblem> Problems, IReadOnlySet<string> BadKeys);

/// <summary>
/// Reads one reference file (CSV or xlsx, by its name) into entities with MiniExcel. The first row holds the
/// headers: every required column must be there, and no header may be unknown or repeated, or no row is read. Every
/// bad cell of every row is reported (file, row, column, reason); a row with a problem yields no entity. Nothing here
/// throws for a bad file: a wrong name, a broken workbook or an oversized file is a problem of row 0.
/// </summary>
public static class ReferenceReader
{
    /// <summary>The most data rows read from one file.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Reads <paramref name="file"/>; its stream need not be seekable.</summary>
    public static async Task<ReferenceFileContent> ReadAsync(ReferenceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        // A workbook is a zip archive, which is read by seeking.
        using var buffer = new MemoryStream();
        await file.Content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return Read(file.Name, buffer);
    }

    /// <summary>Reads a file from a seekable stream.</summary>
    public static ReferenceFileContent Read(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        var kind = ReferenceFileNames.KindOf(name);
        var format = ReferenceFileNames.FormatOf(name);
        if (kind is null || format is null)
        {
            var kinds = string.Join(", ", Enum.GetValues<ReferenceKind>().Select(k => ReferenceFileNames.Word(k) + ".csv|.xlsx"));
            return new ReferenceFileContent(name, kind, [], [new ReferenceProblem(name, 0, "", $"the file name must say its kind and type: {kinds}")], new HashSet<string>());
        }

        var rows = new List<ReferenceRow>();
        var problems = new List<ReferenceProblem>();
        var badKeys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            ReadRows(name, ReferenceLayout.For(kind.Value), Cells(content, format.Value), new Collected(rows, problems, badKeys));
        }
#pragma warning disable CA1031 // Whatever a broken or foreign file makes the parser throw is reported as a problem of the file.
        catch (Exception e)
#pragma warning restore CA1031
        {
            rows.Clear();
            problems.RemoveAll(p => !p.IsFileProblem);
            problems.Add(new ReferenceProblem(name, 0, "", $"not a readable {format.Value.ToString().ToLowerInvariant()} file ({e.GetType().Name}: {e.Message})"));
        }

        return new ReferenceFileContent(name, kind, rows, problems, badKeys);
    }

    private static IEnumerable<IReadOnlyList<string>> Cells(Stream stream, ReferenceFormat format)
    {
        var type = format == ReferenceFormat.Csv ? ExcelType.CSV : ExcelType.XLSX;
        if (format == ReferenceFormat.Csv)
            stream = CsvEncoding.AsUtf8(stream);
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: type))
            yield return row.Values.Select(ReferenceText.Cell).ToList();
    }

    private static void ReadRows(string file, ReferenceLayout layout, IEnumerable<IReadOnlyList<string>> source, Collected collected)
    {
        var problems = collected.Problems;
        using var enumerator = source.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            problems.Add(new ReferenceProblem(file, 0, "", "the file is empty: the first row must hold the headers"));
            return;
        }

        var columns = Headers(file, layout, enumerator.Current, problems);
        if (columns is null)
            return;
        var rowNumber = ReferenceProblem.HeaderRow;
        while (enumerator.MoveNext())
        {
            rowNumber++;
            var cells = enumerator.Current;
            if (cells.All(c => c.Length == 0))
                continue;
            if (rowNumber - ReferenceProblem.HeaderRow > MaxRows)
            {
                problems.Add(new ReferenceProblem(file, rowNumber, "", $"more than {MaxRows} rows"));
                return;
            }

            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Count && i < columns.Count; i++)
            {
                if (columns[i] is { } column)
                    byKey[column] = cells[i];
            }

            var before = problems.Count;
            var entity = layout.Read(new ReferenceCells(byKey, file, rowNumber, problems));
            var key = layout.KeyOf(entity);
            if (problems.Count == before)
                collected.Rows.Add(new ReferenceRow(file, rowNumber, entity, key));
            else if (key.Length > 0)
                collected.BadKeys.Add(key);
        }
    }

    /// <summary>The column key of each header cell (null for an empty one), or null when the headers are wrong.</summary>
    private static List<string?>? Headers(string file, ReferenceLayout layout, IReadOnlyList<string> headers, List<ReferenceProblem> problems)
    {
        var before = problems.Count;
        var keys = new List<string?>();
        foreach (var header in headers)
        {
            if (header.Length == 0)
            {
                keys.Add(null);
                continue;
            }

            var column = layout.Columns.FirstOrDefault(c => c.Matches(header));
            if (column is null)
                problems.Add(new ReferenceProblem(file, ReferenceProblem.HeaderRow, header, $"unknown column; {ReferenceFileNames.Word(layout.Kind)} files have {string.Join(", ", layout.Columns.Select(c => c.Key))}"));
            else if (keys.Contains(column.Key))
                problems.Add(new ReferenceProblem(file, ReferenceProblem.HeaderRow, header, "the column appears twice"));
            keys.Add(column?.Key);
        }

        foreach (var missing in layout.Columns.Where(c => c.Required && !keys.Contains(c.Key)))
            problems.Add(new ReferenceProblem(file, ReferenceProblem.HeaderRow, missing.Key, $"missing column ({missing.Label}): {missing.Description}"));
        return problems.Count == before ? keys : null;
    }

    private sealed record Collected(List<ReferenceRow> Rows, List<ReferenceProblem> Problems, HashSet<string> BadKeys);
}

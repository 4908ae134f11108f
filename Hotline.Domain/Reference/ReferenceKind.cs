namespace Hotline.Domain.Reference;

/// <summary>The kinds of reference data a centre loads from files; the file's name says which (<c>units.csv</c>).</summary>
public enum ReferenceKind
{
    /// <summary>Handling units (承办单位), <c>units.csv</c> or <c>units.xlsx</c>.</summary>
    Units,

    /// <summary>The subject taxonomy (诉求分类), <c>subjects.*</c>.</summary>
    Subjects,

    /// <summary>Routing rules (按责转办), <c>routing.*</c>.</summary>
    Routing,

    /// <summary>Knowledge-base answers (知识库), <c>knowledge.*</c>.</summary>
    Knowledge,
}

/// <summary>The two file formats read and written.</summary>
public enum ReferenceFormat
{
    /// <summary>Comma-separated values, UTF-8 (written with a byte-order mark so that Excel shows Chinese).</summary>
    Csv,

    /// <summary>An Excel workbook; the first sheet is read.</summary>
    Xlsx,
}

/// <summary>File names of reference data: <c>KIND.FORMAT</c>, or <c>KIND-anything.FORMAT</c> (<c>units-2026.xlsx</c>).</summary>
public static class ReferenceFileNames
{
    /// <summary>The file name's word for a kind (<c>units</c>, <c>subjects</c>, <c>routing</c>, <c>knowledge</c>).</summary>
    public static string Word(ReferenceKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The file name's ending for a format (<c>.csv</c>, <c>.xlsx</c>).</summary>
    public static string Extension(ReferenceFormat format) => "." + format.ToString().ToLowerInvariant();

    /// <summary>The name an export gets (<c>units.xlsx</c>).</summary>
    public static string For(ReferenceKind kind, ReferenceFormat format) => Word(kind) + Extension(format);

    /// <summary>The format of a file by its ending, or null.</summary>
    public static ReferenceFormat? FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return Enum.GetValues<ReferenceFormat>().Select(f => (ReferenceFormat?)f)
            .FirstOrDefault(f => string.Equals(Extension(f!.Value), extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The kind of a file by the start of its name, or null.</summary>
    public static ReferenceKind? KindOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return Enum.GetValues<ReferenceKind>().Select(k => (ReferenceKind?)k).FirstOrDefault(k =>
        {
            var word = Word(k!.Value);
            return stem.Equals(word, StringComparison.OrdinalIgnoreCase)
                || (stem.Length > word.Length && stem.StartsWith(word, StringComparison.OrdinalIgnoreCase) && stem[word.Length] is '-' or '_' or '.');
        });
    }

    /// <summary>Parses a kind as written in a URL or on the command line (<c>units</c>).</summary>
    public static ReferenceKind? ParseKind(string? text) =>
        Enum.GetValues<ReferenceKind>().Select(k => (ReferenceKind?)k).FirstOrDefault(k => string.Equals(Word(k!.Value), text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a format as written in a URL (<c>xlsx</c>, <c>csv</c>).</summary>
    public static ReferenceFormat? ParseFormat(string? text) =>
        Enum.GetValues<ReferenceFormat>().Select(f => (ReferenceFormat?)f).FirstOrDefault(f => string.Equals(f!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));
}

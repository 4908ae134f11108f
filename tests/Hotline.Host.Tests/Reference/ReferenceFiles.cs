using System.Net.Http.Headers;
using System.Text;
using Hotline.Host.Demo;

namespace Hotline.Host.Tests.Reference;

/// <summary>The shipped demo files, edited copies of them, and the multipart bodies that carry them.</summary>
internal static class ReferenceFiles
{
    /// <summary>A shipped demo file's lines (the header first; line i is spreadsheet row i + 1).</summary>
    public static List<string> DemoLines(string kind) =>
        [.. File.ReadAllLines(Path.Combine(DemoCity.Folder, kind + ".csv"), Encoding.UTF8).Where(l => l.Length > 0)];

    /// <summary>Row <paramref name="row"/> of <paramref name="lines"/> with column <paramref name="column"/> (0-based) set to <paramref name="value"/>.</summary>
    public static void SetCell(List<string> lines, int row, int column, string value)
    {
        var cells = lines[row - 1].Split(',');
        cells[column] = value;
        lines[row - 1] = string.Join(',', cells);
    }

    public static byte[] Csv(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static byte[] DemoFile(string kind) => File.ReadAllBytes(Path.Combine(DemoCity.Folder, kind + ".csv"));

    /// <summary>The four shipped files, as (name, bytes).</summary>
    public static (string Name, byte[] Bytes)[] AllDemo() => [.. Kinds.Select(k => (k + ".csv", DemoFile(k)))];

    /// <summary>The kinds, as file names say them.</summary>
    public static readonly string[] Kinds = ["units", "subjects", "routing", "knowledge"];

    public static MultipartFormDataContent Form(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }
}

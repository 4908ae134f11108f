using System.Globalization;

namespace Hotline.Bench;

/// <summary>
/// What the SQL commands a run executed (<see cref="SqlCapture"/>) add up to: how many per case, of which kind, and which
/// texts run most. A round trip saved is CPU and, inside a write transaction, write-lock time saved on every case.
/// </summary>
internal static class SqlSummary
{
    /// <summary>The lines for <paramref name="commands"/> of <paramref name="cases"/> cases: the totals, then the <paramref name="top"/> texts that ran most.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<SqlCapture.CapturedCommand> commands, int cases, int top)
    {
        var kinds = commands.SelectMany(c => Kinds(c.Sql)).CountBy(k => k).Select(k => $"{k.Value / (double)cases:F1} {k.Key}");
        var milliseconds = commands.Sum(c => c.Duration.TotalMilliseconds);
        yield return string.Create(CultureInfo.InvariantCulture,
            $"SQL: {commands.Count / (double)cases:F1} commands per case ({string.Join(", ", kinds)} statements), {milliseconds / cases:F2} ms per case executing them");
        foreach (var text in commands.GroupBy(c => c.Sql).OrderByDescending(g => g.Count()).Take(top))
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {text.Count() / (double)cases,4:F1} per case, {text.Average(c => c.Duration.TotalMicroseconds),5:F0} µs each: {OneLine(text.Key)}");
    }

    /// <summary>The kinds of a command's statements (a batch holds several), by their first word.</summary>
    private static IEnumerable<string> Kinds(string sql) =>
        sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split([' ', '\n', '\r'], 2)[0].ToUpperInvariant());

    private static string OneLine(string sql)
    {
        var line = string.Join(' ', sql.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 150 ? line[..150] + "…" : line;
    }
}

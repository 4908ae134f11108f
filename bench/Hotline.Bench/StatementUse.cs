using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes while it is alive (its <c>Microsoft.EntityFrameworkCore</c> diagnostic
/// listener's <c>CommandExecuted</c> events): how many per case, of which kind, and which texts run most. A round trip
/// saved is CPU and, inside a write transaction, write-lock time saved on every case.
/// </summary>
internal sealed class StatementUse : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Count, double Milliseconds)> _texts = [];
    private readonly List<IDisposable> _subscriptions = [];

    public StatementUse() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>The lines for a run of <paramref name="cases"/> cases: the totals, then the <paramref name="top"/> texts that ran most.</summary>
    public IReadOnlyList<string> Describe(int cases, int top)
    {
        lock (_lock)
        {
            var lines = new List<string>();
            var commands = _texts.Values.Sum(t => t.Count);
            var kinds = _texts.SelectMany(t => Kinds(t.Key).Select(k => (Kind: k, t.Value.Count)))
                .GroupBy(k => k.Kind).Select(g => $"{g.Sum(k => k.Count) / (double)cases:F1} {g.Key}").ToList();
            var milliseconds = _texts.Values.Sum(t => t.Milliseconds);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"SQL: {commands / (double)cases:F1} commands per case ({string.Join(", ", kinds)} statements), {milliseconds / cases:F2} ms per case executing them"));
            foreach (var (text, (count, ms)) in _texts.OrderByDescending(t => t.Value.Count).Take(top))
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {count / (double)cases,4:F1} per case, {1000 * ms / count,5:F0} µs each: {OneLine(text)}"));
            return lines;
        }
    }

    /// <summary>The kinds of a command's statements (a save's batch holds several), by their first word.</summary>
    private static IEnumerable<string> Kinds(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split([' ', '\n', '\r'], 2)[0].ToUpperInvariant())
            .Where(k => k.Length > 0);

    private static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var part in text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            line.Append(part).Append(' ');
        return line.Length > 150 ? line.ToString(0, 150) + "…" : line.ToString().TrimEnd();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
            lock (_lock)
                _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not CommandExecutedEventData executed)
            return;
        lock (_lock)
        {
            var text = executed.Command.CommandText;
            _texts[text] = _texts.TryGetValue(text, out var seen)
                ? (seen.Count + 1, seen.Milliseconds + executed.Duration.TotalMilliseconds)
                : (1, executed.Duration.TotalMilliseconds);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_lock)
            _subscriptions.ForEach(s => s.Dispose());
    }
}

namespace Hotline.Workflows.Runtime;

/// <summary>Discards lines (the default when nothing listens).</summary>
public sealed class NullTextOutput : ITextOutput
{
    /// <summary>The shared instance.</summary>
    public static readonly NullTextOutput Instance = new();

    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text)
    {
    }
}

/// <summary>Writes lines to a <see cref="TextWriter"/> (the command-line runner uses standard output).</summary>
public sealed class TextWriterOutput(TextWriter writer) : ITextOutput
{
    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text) => writer.WriteLine(text);
}

/// <summary>Keeps lines in memory, per instance (tests, the designer's test run).</summary>
public sealed class CollectingTextOutput : ITextOutput
{
    private readonly List<(string InstanceId, string Text)> _lines = [];

    /// <summary>Every line written, in order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return _lines.Select(x => x.Text).ToList();
        }
    }

    /// <summary>The lines one instance wrote.</summary>
    public IReadOnlyList<string> LinesOf(string instanceId)
    {
        lock (_lines)
            return _lines.Where(x => x.InstanceId == instanceId).Select(x => x.Text).ToList();
    }

    /// <inheritdoc />
    public void WriteLine(string workflowInstanceId, string text)
    {
        lock (_lines)
            _lines.Add((workflowInstanceId, text));
    }
}

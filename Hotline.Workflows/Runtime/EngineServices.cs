namespace Hotline.Workflows.Runtime;

/// <summary>Where <c>Elsa.WriteLine</c> writes.</summary>
public interface ITextOutput
{
    /// <summary>Writes a line for an instance.</summary>
    void WriteLine(string workflowInstanceId, string text);
}

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

/// <summary>What the engine needs from its host while it executes.</summary>
public sealed class EngineServices
{
    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where WriteLine goes.</summary>
    public ITextOutput TextOutput { get; init; } = NullTextOutput.Instance;

    /// <summary>The host's services, for activities that need them (the hotline activities).</summary>
    public IServiceProvider? HostServices { get; init; }

    /// <summary>
    /// Whether an exception an activity threw is a passing failure of the host's infrastructure (the database is
    /// restarting, a connection broke): such an exception aborts the burst, so nothing of it is saved and the caller
    /// (a client's retry, the next timer sweep) runs it again, instead of faulting the instance for good. None by default.
    /// </summary>
    public Func<Exception, bool> IsTransient { get; init; } = static _ => false;
}

using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp;

/// <summary><c>Output</c> in a script: <c>Output.From("Calculate")</c> reads what another activity of this burst put out.</summary>
public sealed class ScriptOutputs
{
    private readonly ActivityExecutionContext _context;

    internal ScriptOutputs(ActivityExecutionContext context) => _context = context;

    /// <summary>The output <paramref name="outputName"/> (default <c>Result</c>) of the latest execution of the activity with that id or name.</summary>
    public object? From(string activityIdOrName, string? outputName = null)
    {
        var name = outputName ?? "result";
        var producer = _context.Workflow.Contexts.Values
            .Where(c => c.RecordedOutputs is not null && (c.Node.Id == activityIdOrName || c.Node.Name == activityIdOrName))
            .MaxBy(c => c.StartedAt);
        var output = producer?.RecordedOutputs!.FirstOrDefault(o => string.Equals(o.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return ScriptValues.ToScript(output);
    }

    /// <summary>The output converted to <typeparamref name="T"/>.</summary>
    public T? From<T>(string activityIdOrName, string? outputName = null) => ScriptValues.ConvertTo<T>(From(activityIdOrName, outputName));
}

using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Runtime;

/// <summary>One output an activity execution produced (Elsa's <c>ActivityOutputRecord</c>).</summary>
/// <param name="ContainerId">The execution that contains the activity's: only executions under it can read the output.</param>
/// <param name="ActivityNodeId">The activity node that produced it.</param>
/// <param name="OutputName">The output's name.</param>
/// <param name="Value">The value.</param>
public sealed record ActivityOutputRecord(string ContainerId, string ActivityNodeId, string OutputName, object? Value);

/// <summary>
/// The outputs activities produced in an instance, so a later activity's script can read them
/// (<c>getOutputFrom</c>, <c>getXFromY()</c>, <c>getLastResult()</c>), as Elsa's activity output register. The latest
/// value per container, activity and output is kept, and saved with the instance while its container runs.
/// </summary>
public sealed class ActivityOutputRegister
{
    /// <summary>The output name of an activity's main result.</summary>
    public const string DefaultOutputName = "Result";

    private readonly List<ActivityOutputRecord> _records = [];

    /// <summary>The result the most recent activity produced (its <c>Result</c> output).</summary>
    public object? LastResult { get; private set; }

    /// <summary>Records an output of an execution.</summary>
    public void Record(ActivityExecutionContext context, string outputName, object? value)
    {
        var containerId = context.Parent?.Id ?? context.WorkflowInstanceId;
        var nodeId = context.Node.NodeId;
        // A loop, not RemoveAll with a lambda: this runs for every output set, and the lambda allocated a closure.
        var kept = 0;
        for (var i = 0; i < _records.Count; i++)
        {
            var r = _records[i];
            if (!(r.ContainerId == containerId && r.ActivityNodeId == nodeId && string.Equals(r.OutputName, outputName, StringComparison.OrdinalIgnoreCase)))
                _records[kept++] = r;
        }

        _records.RemoveRange(kept, _records.Count - kept);
        _records.Add(new ActivityOutputRecord(containerId, nodeId, outputName, value));
        if (string.Equals(outputName, DefaultOutputName, StringComparison.OrdinalIgnoreCase))
            LastResult = value;
    }

    /// <summary>The newest output of the activity node that <paramref name="reader"/> can see (recorded under one of its ancestors).</summary>
    public object? Find(ActivityExecutionContext reader, string activityNodeId, string? outputName)
    {
        var containers = new HashSet<string>(StringComparer.Ordinal) { reader.WorkflowInstanceId };
        for (var context = reader.Parent; context is not null; context = context.Parent)
            containers.Add(context.Id);
        var name = outputName ?? DefaultOutputName;
        return _records.LastOrDefault(r => r.ActivityNodeId == activityNodeId && containers.Contains(r.ContainerId) && string.Equals(r.OutputName, name, StringComparison.OrdinalIgnoreCase))?.Value;
    }

    /// <summary>Saves the records whose container still runs (the others can no longer be read).</summary>
    public JsonArray Save(Func<string, bool> isLive) =>
        new(_records.Where(r => isLive(r.ContainerId)).Select(r => (JsonNode?)new JsonObject
        {
            ["containerId"] = r.ContainerId,
            ["nodeId"] = r.ActivityNodeId,
            ["name"] = r.OutputName,
            ["value"] = ValueConverter.ToJson(r.Value),
        }).ToArray());

    /// <summary>Restores what <see cref="Save"/> wrote.</summary>
    public void Load(JsonArray? records)
    {
        foreach (var record in (records ?? []).OfType<JsonObject>())
            _records.Add(new ActivityOutputRecord(record["containerId"]!.GetValue<string>(), record["nodeId"]!.GetValue<string>(), record["name"]!.GetValue<string>(), ValueConverter.FromJson(record["value"], null)));
    }
}

using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// Scripts reading other activities' outputs as in Elsa 3.8: <c>getOutputFrom(activityIdOrName, outputName?)</c> and,
/// per activity with outputs in the same workflow, <c>get{Output}From{ActivityName}()</c> (both Pascal case; the
/// activity's id when it has no name). A workflow used as an activity is one activity of its parent: the activities
/// inside it are not visible from outside, nor the parent's from inside.
/// </summary>
public static class JavaScriptOutputs
{
    /// <summary>The output <paramref name="reader"/> can see; throws when no activity of that id or name exists.</summary>
    public static object? Get(ActivityExecutionContext reader, string activityIdOrName, string? outputName)
    {
        var node = Activities(reader.Node).FirstOrDefault(n => n.Id == activityIdOrName)
            ?? Activities(reader.Node).FirstOrDefault(n => n.Name == activityIdOrName)
            ?? throw new InvalidOperationException($"getOutputFrom: there is no activity '{activityIdOrName}' in this workflow.");
        return reader.Workflow.Outputs.Find(reader, node.NodeId, outputName);
    }

    /// <summary>Resolves an accessor name like <c>getOutput1FromChild1</c> to the activity and output it reads.</summary>
    public static bool TryResolveAccessor(ActivityNode reader, string function, out ActivityNode? activity, out string? output)
    {
        activity = null;
        output = null;
        if (!function.StartsWith("get", StringComparison.Ordinal) || !function.Contains("From", StringComparison.Ordinal))
            return false;
        foreach (var node in Activities(reader))
            foreach (var name in OutputNames(node))
                if (function == "get" + JavaScriptNames.Pascalize(name) + "From" + JavaScriptNames.Pascalize(node.Name ?? node.Id))
                {
                    (activity, output) = (node, name);
                    return true;
                }

        return false;
    }

    private static IEnumerable<string> OutputNames(ActivityNode node) =>
        node.Descriptor.Outputs.Select(o => o.Name).Concat(node.Outputs.Keys).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The activities of the workflow <paramref name="reader"/> belongs to (a workflow used as an activity counts as one).</summary>
    public static IEnumerable<ActivityNode> Activities(ActivityNode reader)
    {
        var root = reader.Activity is IScopeBoundary && reader.Parent is not null ? reader.Parent : reader;
        while (root.Scope is null && root.Parent is not null)
            root = root.Parent;
        var pending = new Stack<ActivityNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            yield return node;
            if (node != root && node.Activity is IScopeBoundary)
                continue;
            foreach (var child in node.Children)
                pending.Push(child);
        }
    }
}

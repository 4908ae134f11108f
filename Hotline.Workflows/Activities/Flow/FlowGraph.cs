using System.Collections.Concurrent;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>A connection between two activities of a flowchart.</summary>
public sealed record Connection(ActivityNode Source, string SourcePort, ActivityNode Target, string TargetPort);

/// <summary>
/// The connections of a flowchart with the look-ups the token flow needs, computed once per compiled definition:
/// outbound, inbound, forward inbound (back edges of loops removed, found by a breadth-first walk from the start node, as
/// Elsa's FlowGraph does) and ancestors.
/// </summary>
public sealed class FlowGraph
{
    private static readonly IReadOnlyList<Connection> None = [];
    private readonly Dictionary<string, List<Connection>> _outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _inbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> _forwardInbound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);
    private readonly List<Connection> _forward;

    public FlowGraph(IReadOnlyList<Connection> connections, ActivityNode? start)
    {
        Connections = connections;
        foreach (var connection in connections)
        {
            // A connection drawn twice carries one token, as in Elsa: outbound holds each distinct connection once.
            if (!Outbound(connection.Source).Contains(connection))
                Add(_outbound, connection.Source.Id, connection);
            Add(_inbound, connection.Target.Id, connection);
        }

        _forward = start is null ? [] : ComputeForwardConnections(connections, start);
        foreach (var connection in _forward)
            Add(_forwardInbound, connection.Target.Id, connection);
    }

    public IReadOnlyList<Connection> Connections { get; }

    public IReadOnlyList<Connection> Outbound(ActivityNode node) => _outbound.TryGetValue(node.Id, out var list) ? list : None;

    public IReadOnlyList<Connection> Inbound(ActivityNode node) => _inbound.TryGetValue(node.Id, out var list) ? list : None;

    public IReadOnlyList<Connection> ForwardInbound(ActivityNode node) => _forwardInbound.TryGetValue(node.Id, out var list) ? list : None;

    /// <summary>Every activity with a forward path to the node.</summary>
    public HashSet<string> Ancestors(ActivityNode node) => _ancestors.GetOrAdd(node.Id, _ =>
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(node.Id);
        while (queue.TryDequeue(out var current))
            foreach (var connection in _forward)
                if (connection.Target.Id == current && result.Add(connection.Source.Id))
                    queue.Enqueue(connection.Source.Id);
        return result;
    });

    private static void Add(Dictionary<string, List<Connection>> index, string key, Connection connection)
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = [];
        list.Add(connection);
    }

    private static List<Connection> ComputeForwardConnections(IReadOnlyList<Connection> connections, ActivityNode start)
    {
        var adjacency = new Dictionary<string, List<ActivityNode>>(StringComparer.Ordinal);
        foreach (var connection in connections)
        {
            if (!adjacency.TryGetValue(connection.Source.Id, out var targets))
                adjacency[connection.Source.Id] = targets = [];
            targets.Add(connection.Target);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var visitedEdges = new HashSet<(string, string)>();
        var validEdges = new List<(string Source, string Target)>();
        var queue = new Queue<ActivityNode>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out var source))
        {
            visited.Add(source.Id);
            if (!adjacency.TryGetValue(source.Id, out var targets))
                continue;
            foreach (var target in targets)
            {
                var edge = (source.Id, target.Id);
                if (visitedEdges.Contains(edge) || HasPath(validEdges, target.Id, source.Id))
                    continue;
                visitedEdges.Add(edge);
                validEdges.Add(edge);
                if (!visited.Contains(target.Id))
                    queue.Enqueue(target);
            }
        }

        var valid = validEdges.ToHashSet();
        return connections.Where(c => valid.Contains((c.Source.Id, c.Target.Id))).Distinct().ToList();
    }

    private static bool HasPath(List<(string Source, string Target)> edges, string from, string to)
    {
        if (from == to)
            return true;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.TryPop(out var current))
        {
            if (current == to)
                return true;
            if (!visited.Add(current))
                continue;
            foreach (var (source, target) in edges)
                if (source == current && !visited.Contains(target))
                    stack.Push(target);
        }

        return false;
    }
}

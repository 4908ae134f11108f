namespace Hotline.Workflows.Layout;

/// <summary>
/// The rows of a layered layout: a depth-first walk from the roots (then from the remaining nodes in file order) sets
/// aside the edges that close a loop (back-edges); the rank of a node is then the longest path to it over the other
/// (forward) edges. Nodes without incoming edges sit just above their first child rather than at the top; components not
/// connected to a root come after the rest.
/// </summary>
internal sealed class LayoutRanking
{
    private LayoutRanking(Dictionary<string, int> rank, List<(string Source, string Target)> forward, HashSet<(string, string)> back, List<string> discovery)
    {
        Rank = rank;
        ForwardEdges = forward;
        BackEdges = back;
        DiscoveryOrder = discovery;
        RankCount = rank.Count == 0 ? 0 : rank.Values.Max() + 1;
    }

    public Dictionary<string, int> Rank { get; }

    /// <summary>Distinct edges from a lower to a higher rank (self-loops and back-edges excluded).</summary>
    public List<(string Source, string Target)> ForwardEdges { get; }

    public HashSet<(string, string)> BackEdges { get; }

    /// <summary>The nodes in the order the walk met them: roots' nodes first, disconnected ones last.</summary>
    public List<string> DiscoveryOrder { get; }

    public int RankCount { get; }

    public static LayoutRanking Compute(LayoutGraph graph)
    {
        var ids = graph.Nodes.Select(n => n.Id).ToList();
        var known = ids.ToHashSet(StringComparer.Ordinal);
        var successors = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in graph.Edges.Where(e => known.Contains(e.Source) && known.Contains(e.Target) && e.Source != e.Target))
        {
            if (!successors[edge.Source].Contains(edge.Target))
                successors[edge.Source].Add(edge.Target);
        }

        var back = new HashSet<(string, string)>();
        var discovery = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the stack, true: done
        foreach (var start in graph.Roots.Where(known.Contains).Concat(ids))
            Walk(start);

        var forward = ids.SelectMany(s => successors[s].Where(t => !back.Contains((s, t))).Select(t => (s, t))).ToList();
        var rank = LongestPaths(discovery, forward, graph.Roots.ToHashSet(StringComparer.Ordinal));
        PlaceComponents(graph, ids, forward, rank);
        return new LayoutRanking(rank, forward, back, discovery);

        void Walk(string node)
        {
            if (state.ContainsKey(node))
                return;
            state[node] = false;
            discovery.Add(node);
            foreach (var next in successors[node])
            {
                if (!state.TryGetValue(next, out var done))
                    Walk(next);
                else if (!done)
                    back.Add((node, next));
            }

            state[node] = true;
        }
    }

    private static Dictionary<string, int> LongestPaths(List<string> nodes, List<(string Source, string Target)> forward, HashSet<string> roots)
    {
        var rank = nodes.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        var incoming = nodes.ToDictionary(n => n, n => forward.Count(e => e.Target == n), StringComparer.Ordinal);
        var ready = new Queue<string>(nodes.Where(n => incoming[n] == 0));
        var topological = new List<string>();
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            topological.Add(node);
            foreach (var (_, target) in forward.Where(e => e.Source == node))
            {
                rank[target] = Math.Max(rank[target], rank[node] + 1);
                if (--incoming[target] == 0)
                    ready.Enqueue(target);
            }
        }

        // A source that is no root (e.g. a listener started beside the flow) sits just above its nearest child.
        foreach (var node in Enumerable.Reverse(topological).Where(n => !roots.Contains(n) && !forward.Exists(e => e.Target == n)))
        {
            var children = forward.Where(e => e.Source == node).Select(e => rank[e.Target]).ToList();
            if (children.Count > 0 && rank[node] == 0)
                rank[node] = Math.Max(0, children.Min() - 1);
        }

        return rank;
    }

    /// <summary>Components that hold no root are moved below everything else, one after another in file order.</summary>
    private static void PlaceComponents(LayoutGraph graph, List<string> ids, List<(string Source, string Target)> forward, Dictionary<string, int> rank)
    {
        var component = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !component.ContainsKey(id)))
        {
            var number = component.Count == 0 ? 0 : component.Values.Max() + 1;
            var pending = new Stack<string>([id]);
            while (pending.TryPop(out var node))
            {
                if (!component.TryAdd(node, number))
                    continue;
                foreach (var (source, target) in forward.Where(e => e.Source == node || e.Target == node))
                    pending.Push(source == node ? target : source);
            }
        }

        var rooted = graph.Roots.Where(component.ContainsKey).Select(r => component[r]).ToHashSet();
        var bottom = ids.Where(id => rooted.Contains(component[id])).Select(id => rank[id] + 1).DefaultIfEmpty(0).Max();
        foreach (var group in ids.Where(id => !rooted.Contains(component[id])).GroupBy(id => component[id]))
        {
            var members = group.ToList();
            var top = members.Min(id => rank[id]);
            foreach (var id in members)
                rank[id] += bottom - top;
            bottom += members.Max(id => rank[id]) - bottom + 1;
        }
    }
}

namespace Hotline.Workflows.Layout;

/// <summary>
/// A layered (Sugiyama-style) top-to-bottom layout of a flowchart: each node's row is the longest path to it from the
/// start, connections that close a loop are set aside as back-edges, the order inside a row reduces crossings by
/// barycentres, and nodes sit on a grid of fixed-width columns, a child under its parents where it can. Nodes not
/// connected to a start come last. Pure and deterministic: the same graph always gives the same positions.
/// </summary>
public static class LayeredLayout
{
    private const int Sweeps = 8;

    /// <summary>The top-left position of every node of <paramref name="graph"/>.</summary>
    public static IReadOnlyDictionary<string, LayoutPosition> Arrange(LayoutGraph graph, LayoutGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        grid ??= LayoutGrid.Default;
        var ranking = LayoutRanking.Compute(graph);
        var rows = Order(graph, ranking);
        return Place(graph, ranking, rows, grid);
    }

    /// <summary>The nodes of each rank, left to right, after barycentre sweeps (long edges pass through virtual nodes).</summary>
    private static List<List<string>> Order(LayoutGraph graph, LayoutRanking ranking)
    {
        var rows = Enumerable.Range(0, ranking.RankCount).Select(_ => new List<string>()).ToList();
        foreach (var id in ranking.DiscoveryOrder)
            rows[ranking.Rank[id]].Add(id);

        // Virtual nodes on every rank a forward edge crosses, so that long edges take part in crossing reduction.
        var up = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var down = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in ranking.DiscoveryOrder)
        {
            up[id] = [];
            down[id] = [];
        }

        var virtualCount = 0;
        foreach (var (source, target) in ranking.ForwardEdges)
        {
            var previous = source;
            for (var rank = ranking.Rank[source] + 1; rank < ranking.Rank[target]; rank++)
            {
                var dummy = "\0" + virtualCount++;
                up[dummy] = [];
                down[dummy] = [];
                rows[rank].Add(dummy);
                Link(previous, dummy);
                previous = dummy;
            }

            Link(previous, target);
        }

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var downward = sweep % 2 == 0;
            for (var step = 1; step < rows.Count; step++)
            {
                var rank = downward ? step : rows.Count - 1 - step;
                var neighbours = downward ? up : down;
                var fixedRow = rows[downward ? rank - 1 : rank + 1];
                var position = fixedRow.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => (double)p.i, StringComparer.Ordinal);
                var row = rows[rank];
                var keys = row.Select((id, i) =>
                {
                    var placed = neighbours[id].Where(position.ContainsKey).Select(n => position[n]).ToList();
                    return (id, key: placed.Count == 0 ? i : placed.Average(), i);
                }).OrderBy(k => k.key).ThenBy(k => k.i).Select(k => k.id).ToList();
                rows[rank] = keys;
            }
        }

        return rows.Select(row => row.Where(id => !id.StartsWith('\0')).ToList()).ToList();

        void Link(string from, string to)
        {
            down[from].Add(to);
            up[to].Add(from);
        }
    }

    /// <summary>
    /// Columns of fixed width, rows as tall as their tallest node: a node goes under the mean column of its parents, in row
    /// order. A rank wider than <see cref="LayoutGrid.MaxColumns"/> wraps onto further lines first.
    /// </summary>
    private static Dictionary<string, LayoutPosition> Place(LayoutGraph graph, LayoutRanking ranking, List<List<string>> rows, LayoutGrid grid)
    {
        rows = rows.SelectMany(row => row.Chunk(Math.Max(1, grid.MaxColumns)).Select(line => line.ToList())).ToList();
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var columnWidth = graph.Nodes.Max(n => n.Width) + grid.ColumnGap;
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var next = int.MinValue;
            for (var i = 0; i < row.Count; i++)
            {
                var parents = ranking.ForwardEdges.Where(e => e.Target == row[i] && column.ContainsKey(e.Source)).Select(e => column[e.Source]).ToList();
                var wanted = parents.Count == 0 ? i : (int)Math.Round(parents.Average(), MidpointRounding.ToZero);
                column[row[i]] = Math.Max(wanted, next);
                next = column[row[i]] + 1;
            }
        }

        var left = column.Values.DefaultIfEmpty(0).Min();
        var positions = new Dictionary<string, LayoutPosition>(StringComparer.Ordinal);
        double top = 0;
        foreach (var row in rows)
        {
            foreach (var id in row)
                positions[id] = new LayoutPosition((column[id] - left) * columnWidth, top);
            top += row.Select(id => nodes[id].Height).DefaultIfEmpty(0).Max() + grid.RowGap;
        }

        return positions;
    }
}

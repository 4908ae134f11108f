namespace Hotline.Workflows.Layout;

/// <summary>
/// Bends for the connections X6's manhattan router cannot find alone. Studio routes every connection around the nodes in
/// 10 px steps and gives up (falling back to straight orthogonal lines, with a console warning) on long ones: loops back
/// up, jumps over several lines, runs across several columns. Those get two bends in the free lanes of the grid: out
/// to the lane right of the source's column, along the gap above the target's line to the lane left of the target, and
/// in. A connection to the next line, at most one column aside, needs none.
/// </summary>
public static class LayoutRoutes
{
    /// <summary>The bends of each of <paramref name="edges"/> (in order; empty when the router needs none).</summary>
    public static IReadOnlyList<IReadOnlyList<LayoutPosition>> Route(
        IReadOnlyList<LayoutNode> nodes, IReadOnlyDictionary<string, LayoutPosition> positions, IReadOnlyList<LayoutEdge> edges, LayoutGrid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(edges);
        grid ??= LayoutGrid.Default;
        var widest = nodes.Select(n => n.Width).DefaultIfEmpty(0).Max();
        var columnWidth = widest + grid.ColumnGap;
        var lines = positions.Values.Select(p => p.Y).Distinct().Order().ToList();
        return edges.Select(edge => Bends(edge)).ToList();

        IReadOnlyList<LayoutPosition> Bends(LayoutEdge edge)
        {
            if (!positions.TryGetValue(edge.Source, out var source) || !positions.TryGetValue(edge.Target, out var target))
                return [];
            var lineSkip = lines.IndexOf(target.Y) - lines.IndexOf(source.Y);
            var columnSkip = Math.Abs(Math.Round((target.X - source.X) / columnWidth));
            if (lineSkip == 1 && columnSkip <= 1)
                return [];
            var laneRight = source.X + widest + grid.ColumnGap / 2;
            var laneLeft = target.X - grid.ColumnGap / 2;
            var across = target.Y - grid.RowGap / 2;
            return Math.Abs(laneRight - laneLeft) < 0.5
                ? [new LayoutPosition(laneRight, across)]
                : [new LayoutPosition(laneRight, across), new LayoutPosition(laneLeft, across)];
        }
    }
}

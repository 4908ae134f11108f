using Hotline.Workflows.Layout;

namespace Hotline.Workflows.Tests.Layout;

public sealed class LayeredLayoutTests
{
    private static LayoutGraph Graph(string[] nodes, (string, string)[] edges, params string[] roots) =>
        new([.. nodes.Select(n => new LayoutNode(n, 200, n == "switch" ? 180 : 50))], [.. edges.Select(e => new LayoutEdge(e.Item1, e.Item2))], roots);

    // start → switch → a/b/c → join → end, a loop end → switch, and a node connected to nothing.
    private static readonly LayoutGraph Sample = Graph(
        ["start", "switch", "a", "b", "c", "join", "end", "alone"],
        [("start", "switch"), ("switch", "a"), ("switch", "b"), ("switch", "c"), ("a", "join"), ("b", "join"), ("c", "end"), ("join", "end"), ("end", "switch")],
        "start");

    [Fact]
    public void Should_keep_every_node_apart_When_a_flowchart_is_laid_out()
    {
        var positions = LayeredLayout.Arrange(Sample);

        var boxes = Sample.Nodes.Select(n => (n.Id, positions[n.Id].X, positions[n.Id].Y, Right: positions[n.Id].X + n.Width, Bottom: positions[n.Id].Y + n.Height)).ToList();
        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
                Assert.False(a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom, $"{a.Id} overlaps {b.Id}");
        }
    }

    [Fact]
    public void Should_send_every_connection_downwards_except_the_loop_back_When_a_flowchart_with_a_loop_is_laid_out()
    {
        var positions = LayeredLayout.Arrange(Sample);

        foreach (var edge in Sample.Edges.Where(e => e != new LayoutEdge("end", "switch")))
            Assert.True(positions[edge.Target].Y > positions[edge.Source].Y, $"{edge.Source} → {edge.Target} does not go down");
        Assert.True(positions["switch"].Y < positions["end"].Y);
        Assert.Equal(0, positions["start"].Y);
    }

    [Fact]
    public void Should_place_a_disconnected_node_below_the_rest_When_it_has_no_connection()
    {
        var positions = LayeredLayout.Arrange(Sample);

        Assert.True(Sample.Nodes.Where(n => n.Id != "alone").All(n => positions[n.Id].Y < positions["alone"].Y));
    }

    [Fact]
    public void Should_give_the_same_positions_When_the_same_graph_is_laid_out_twice()
    {
        var first = LayeredLayout.Arrange(Sample);
        var second = LayeredLayout.Arrange(Graph(
            ["start", "switch", "a", "b", "c", "join", "end", "alone"],
            [("start", "switch"), ("switch", "a"), ("switch", "b"), ("switch", "c"), ("a", "join"), ("b", "join"), ("c", "end"), ("join", "end"), ("end", "switch")],
            "start"));

        Assert.Equal(first.OrderBy(p => p.Key, StringComparer.Ordinal), second.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Should_put_a_chain_in_one_column_under_its_start_When_nodes_follow_one_another()
    {
        var positions = LayeredLayout.Arrange(Graph(["s", "x", "y"], [("s", "x"), ("x", "y")], "s"));

        Assert.Equal([0, 0, 0], new[] { positions["s"].X, positions["x"].X, positions["y"].X });
        Assert.True(positions["s"].Y < positions["x"].Y && positions["x"].Y < positions["y"].Y);
    }
}

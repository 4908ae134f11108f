using Hotline.Workflows.Layout;

namespace Hotline.Workflows.Tests.Layout;

/// <summary>The bends that keep X6's manhattan router from giving up: long, wide and looping connections run in the grid's free lanes.</summary>
public sealed class LayoutRoutesTests
{
    private static readonly LayoutGrid Grid = LayoutGrid.Default;
    private static readonly string[] Cases = ["a", "b", "c", "d", "e", "f"];

    // start → switch → six cases (wrapped over two lines of three) → end, a loop end → switch.
    private static readonly LayoutGraph Sample = new(
        [.. new[] { "start", "switch", "a", "b", "c", "d", "e", "f", "end" }.Select(n => new LayoutNode(n, 320, 50))],
        [new("start", "switch"), .. Cases.SelectMany(n => new LayoutEdge[] { new("switch", n), new(n, "end") }), new("end", "switch")],
        ["start"]);

    private static (IReadOnlyDictionary<string, LayoutPosition> Positions, Dictionary<LayoutEdge, IReadOnlyList<LayoutPosition>> Bends) Route()
    {
        var positions = LayeredLayout.Arrange(Sample, Grid);
        var routes = LayoutRoutes.Route(Sample.Nodes, positions, Sample.Edges, Grid);
        return (positions, Sample.Edges.Select((e, i) => (e, routes[i])).ToDictionary(p => p.e, p => p.Item2));
    }

    [Fact]
    public void Should_wrap_a_rank_wider_than_the_grid_onto_further_lines_When_a_switch_has_six_cases()
    {
        var (positions, _) = Route();

        Assert.Equal(3, Cases.Select(n => positions[n].X).Distinct().Count());
        Assert.True(positions["d"].Y > positions["a"].Y, "the fourth case goes onto the next line");
        Assert.True(positions["end"].Y > positions["d"].Y);
    }

    [Fact]
    public void Should_bend_nothing_When_a_connection_goes_to_the_next_line_at_most_one_column_aside()
    {
        var (_, bends) = Route();

        Assert.Empty(bends[new LayoutEdge("start", "switch")]);
        Assert.Empty(bends[new LayoutEdge("switch", "a")]);
        Assert.Empty(bends[new LayoutEdge("switch", "b")]);
    }

    [Fact]
    public void Should_run_a_loop_back_through_the_lanes_beside_and_above_the_nodes_When_a_connection_goes_up()
    {
        var (positions, bends) = Route();

        var loop = bends[new LayoutEdge("end", "switch")];
        var widest = Sample.Nodes.Max(n => n.Width);
        Assert.Equal(
            [new LayoutPosition(positions["end"].X + widest + Grid.ColumnGap / 2, positions["switch"].Y - Grid.RowGap / 2),
             new LayoutPosition(positions["switch"].X - Grid.ColumnGap / 2, positions["switch"].Y - Grid.RowGap / 2)],
            loop);
        // Every bend lies in a lane: outside every node.
        foreach (var bend in bends.Values.SelectMany(b => b))
        {
            foreach (var node in Sample.Nodes)
            {
                var p = positions[node.Id];
                Assert.False(bend.X > p.X && bend.X < p.X + node.Width && bend.Y > p.Y && bend.Y < p.Y + node.Height, $"bend {bend} inside {node.Id}");
            }
        }
    }

    [Fact]
    public void Should_bend_a_connection_that_skips_a_line_When_its_target_sits_two_lines_below()
    {
        var (_, bends) = Route();

        Assert.NotEmpty(bends[new LayoutEdge("switch", "d")]);
        Assert.NotEmpty(bends[new LayoutEdge("a", "end")]);
    }
}

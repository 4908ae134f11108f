namespace Hotline.Workflows.Layout;

/// <summary>
/// The grid the layout places nodes on. Studio's ports are on the sides (in on the left, outcomes on the right with
/// their labels outside), so columns leave room for the labels and for X6's manhattan router to pass between nodes
/// (it keeps about 20 px from every node and gives up after 2,000 steps of 10 px).
/// </summary>
public sealed record LayoutGrid
{
    /// <summary>The default grid: room for a 12 px port label beside a node and a router lane either side.</summary>
    public static LayoutGrid Default { get; } = new();

    /// <summary>Free space between two columns (port labels plus a lane for lines going down).</summary>
    public double ColumnGap { get; init; } = 160;

    /// <summary>The least width a node is given: Studio draws a node as wide as its name and description (up to ~350 px seen), never narrower than stored, so a uniform width keeps the grid's columns apart.</summary>
    public double NodeWidth { get; init; } = 320;

    /// <summary>Free space between two rows (a lane for lines going across).</summary>
    public double RowGap { get; init; } = 60;

    /// <summary>The most nodes side by side: a wider rank (e.g. a switch with nine cases) wraps onto further lines, so the graph stays readable when fitted into the canvas.</summary>
    public int MaxColumns { get; init; } = 3;

    /// <summary>The vertical room one outcome port needs so that its label does not touch the next one.</summary>
    public double PortPitch { get; init; } = 20;
}

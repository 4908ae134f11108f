namespace Hotline.Workflows.Layout;

/// <summary>A node to place: its id and its size on the canvas.</summary>
public sealed record LayoutNode(string Id, double Width, double Height);

/// <summary>A connection from one node to another (its ports do not matter to the ranks).</summary>
public sealed record LayoutEdge(string Source, string Target);

/// <summary>The top-left corner of a node on the canvas.</summary>
public readonly record struct LayoutPosition(double X, double Y);

/// <summary>A flowchart to lay out: nodes in file order, connections, and the nodes the flow starts from.</summary>
public sealed record LayoutGraph(IReadOnlyList<LayoutNode> Nodes, IReadOnlyList<LayoutEdge> Edges, IReadOnlyList<string> Roots);

namespace Hotline.Workbench.Dashboard;

/// <summary>
/// A dashboard chart: its element's id, its title, the ECharts option (built in C#, each data item with the
/// <c>href</c> of the cases behind it) and the same data as a table for people who do not see the chart.
/// </summary>
/// <param name="Id">The chart element's id.</param>
/// <param name="Title">Its heading.</param>
/// <param name="Option">The ECharts option, serialised to JSON as is.</param>
/// <param name="Table">The same data as a table.</param>
/// <param name="Figures">Whether the tooltip shows numerator and denominator (the indicator chart).</param>
public sealed record DashboardChart(string Id, string Title, object Option, ChartTable Table, bool Figures = false);

/// <summary>A chart's data as a table: column headings and rows of cells.</summary>
public sealed record ChartTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ChartCell>> Rows);

/// <summary>A cell: its text, and the case list it links to, if any.</summary>
public sealed record ChartCell(string Text, string? Href = null);

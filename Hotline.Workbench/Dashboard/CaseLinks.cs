using System.Globalization;

namespace Hotline.Workbench.Dashboard;

/// <summary>Addresses of the case list <c>/cases</c> with its filters (the names of <c>GET /api/cases</c>).</summary>
public static class CaseLinks
{
    /// <summary><c>/cases?name=value&amp;…</c>, the filters without a value left out.</summary>
    public static string To(params (string Name, string? Value)[] filters) =>
        "/cases?" + string.Join("&", filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}"));

    /// <summary>A date as the filters take it: <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

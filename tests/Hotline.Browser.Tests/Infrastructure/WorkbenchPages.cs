using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>What the workbench's browser tests share: a routed case, the sign-in form, the axe-core WCAG 2.1 AA check.</summary>
public static class WorkbenchPages
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Files a complaint the routing rule sends to DH-CG; returns its number.</summary>
    public static Task<string> CreateCaseAsync(DesignerHost host, string content) => PostCaseAsync(host, content, "990103");

    /// <summary>Files a complaint in district 990104, which no routing rule covers: it waits at the dispatch desk (人工派单); returns its number.</summary>
    public static Task<string> CreateUnroutedCaseAsync(DesignerHost host, string content) => PostCaseAsync(host, content, "990104");

    private static async Task<string> PostCaseAsync(DesignerHost host, string content, string districtCode)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var integrator = host.IntegratorClient();
        using var created = await integrator.PostAsJsonAsync("api/cases", new
        {
            channel = "Phone", content, citizenPhone = "13812345678", type = "Complaint", subjectCode = "SR-ROAD", address = "东湖区新华路1号", districtCode,
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    /// <summary>Signs in through the workbench's form (the page is at /login).</summary>
    public static async Task SignInAsync(WatchedPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Page.FillAsync("#wb-username", userName);
        await page.Page.FillAsync("#wb-password", password);
        await page.Page.ClickAsync("#wb-signin");
    }

    /// <summary>Asserts that axe-core finds no WCAG 2.1 A or AA violation on the page as it is.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAa);
        Assert.True(result.Violations.Length == 0,
            what + ": " + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}

using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>Every shipped definition opens in Elsa Studio's editor, drawn whole, without an error.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DefinitionEditorTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    public static TheoryData<string> Definitions() => [.. Repository.DefinitionIds];

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Should_draw_every_activity_and_connection_without_an_error_When_a_shipped_definition_opens_in_the_editor(string definitionId)
    {
        var root = Repository.Definition(definitionId)["root"]!.AsObject();
        var activities = root["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var connections = root["connections"]!.AsArray().Count;
        await using var page = await WatchedPage.OpenAsync(browser, fixture.Host, "editor-" + definitionId);

        await page.SignInAsync("/designer/definitions/" + definitionId);

        var nodes = page.Page.Locator(".x6-node");
        await Assertions.Expect(nodes).ToHaveCountAsync(activities.Count, new() { Timeout = WatchedPage.BootTimeout });
        await Assertions.Expect(page.Page.Locator(".x6-edge")).ToHaveCountAsync(connections);
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var labels = await nodes.AllTextContentsAsync(); // SVG groups: no innerText
        foreach (var activity in activities)
        {
            var label = activity["metadata"]?["displayText"]?.GetValue<string>() ?? activity["name"]!.GetValue<string>();
            Assert.True(labels.Any(l => l.Contains(label, StringComparison.Ordinal)), $"No node shows '{label}' ({activity["id"]}); nodes: {string.Join(" | ", labels)}");
        }

        // Readable: the whole graph inside the canvas between Studio's side panels (designer.js fits it), and every line
        // routed around the nodes (the layout's bends keep X6's manhattan router from giving up on long ones).
        var outside = await NodesOutsideCanvasAsync(page.Page);
        Assert.True(outside.Count == 0, "Nodes outside the visible canvas: " + string.Join(", ", outside));
        var routing = page.Warnings.Where(w => w.Contains("manhattan", StringComparison.Ordinal)).ToList();
        Assert.True(routing.Count == 0, $"{routing.Count} connections not routed: {string.Join(" | ", routing.Distinct())}");

        // Editable: the definition carries its publish link, or the Studio shows its read-only banner.
        Assert.Equal(0, await page.Page.GetByText("read-only mode").CountAsync());
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
        var screenshot = await page.ScreenshotAsync("editor-" + definitionId + "-drawn");
        // The README's picture: HOTLINE_UPDATE_DOCS_SCREENSHOT=1 build/test.sh --filter "DisplayName~case-lifecycle"
        if (definitionId == "case-lifecycle" && Environment.GetEnvironmentVariable("HOTLINE_UPDATE_DOCS_SCREENSHOT") == "1")
            File.Copy(screenshot, Path.Combine(Repository.Root, "docs", "designer.png"), overwrite: true);
    }

    private const string NodesOutsideCanvas = """
        () => {
            const canvas = document.querySelector('.graph-container[data-hd-fit]');
            if (!canvas) return ['(not fitted yet)'];
            // The canvas as far as it is seen: Studio's pane clips its bottom (the canvas runs under the bottom panel).
            let c = canvas.getBoundingClientRect();
            for (let e = canvas.parentElement; e; e = e.parentElement) {
                if (getComputedStyle(e).overflow === 'visible') continue;
                const r = e.getBoundingClientRect();
                c = { left: Math.max(c.left, r.left), top: Math.max(c.top, r.top), right: Math.min(c.right, r.right), bottom: Math.min(c.bottom, r.bottom) };
            }
            return [...canvas.querySelectorAll('.x6-node')].filter(n => {
                const b = n.getBoundingClientRect();
                return b.left < c.left || b.top < c.top || b.right > c.right || b.bottom > c.bottom;
            }).map(n => n.getAttribute('data-cell-id'));
        }
        """;

    /// <summary>The ids of nodes not wholly inside the canvas, once the shell has fitted the graph and Studio has stopped resizing nodes.</summary>
    private static async Task<IReadOnlyList<string>> NodesOutsideCanvasAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => (" + NodesOutsideCanvas + ")().length === 0", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // Reported below with the nodes' ids.
        }

        return await page.EvaluateAsync<string[]>(NodesOutsideCanvas);
    }
}

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

        // Editable: the definition carries its publish link, or the Studio shows its read-only banner.
        Assert.Equal(0, await page.Page.GetByText("read-only mode").CountAsync());
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
        var screenshot = await page.ScreenshotAsync("editor-" + definitionId + "-drawn");
        // The README's picture: HOTLINE_UPDATE_DOCS_SCREENSHOT=1 build/test.sh --filter "DisplayName~case-lifecycle"
        if (definitionId == "case-lifecycle" && Environment.GetEnvironmentVariable("HOTLINE_UPDATE_DOCS_SCREENSHOT") == "1")
            File.Copy(screenshot, Path.Combine(Repository.Root, "docs", "designer.png"), overwrite: true);
    }
}

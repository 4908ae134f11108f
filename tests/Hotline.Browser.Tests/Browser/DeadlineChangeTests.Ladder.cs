using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The 13710 ladder in the editor: an administrator brings the special supervision (专项督办) forward from 3 to 2 working
/// days after the deadline on its wait node alone and publishes; the words that state the time are not edited (they are
/// made from the wait's own count, host-tested in EscalationTests).
/// </summary>
public sealed partial class DeadlineChangeTests
{
    [Fact]
    public async Task Should_publish_the_special_supervision_at_2_working_days_When_an_administrator_changes_only_its_wait_node_in_the_editor()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.SignInAsync("/designer/definitions/escalation-13710");
        var wait = page.Page.Locator(".x6-node", new() { HasText = "等待专项督办" });
        await wait.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await wait.ClickAsync();
        var count = page.Page.Locator(".mud-input-control", new() { Has = page.Page.Locator("label", new() { HasTextRegex = new("^数量$") }) }).Locator("input");
        await Assertions.Expect(count).ToHaveValueAsync("3");
        await page.Page.RunAndWaitForResponseAsync(async () =>
        {
            await count.FillAsync("2");
            await count.PressAsync("Tab");
        }, r => r.Request.Method == "POST" && r.Url == Host.Address + "/elsa/api/workflow-definitions", new() { Timeout = 30_000 });
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "guide-ladder.png");
        var publish = page.Page.Locator($"{Editor} .mud-button-group-root button.mud-primary-text").First;
        var published = await page.Page.RunAndWaitForResponseAsync(() => publish.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url == Host.Address + "/elsa/api/workflow-definitions" && r.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await page.Page.GetByText("Workflow published").WaitForAsync();

        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        var model = await api.GetFromJsonAsync<JsonObject>("elsa/api/workflow-definitions/by-definition-id/escalation-13710?versionOptions=Published");
        JsonNode Node(string id) => model!["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("2", Node("wait-level2")["offset"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal("WorkingDays", Node("wait-level2")["unit"]!["expression"]!["value"]!.GetValue<string>());
        // The step's name still quotes the wait's words, not a number an administrator would have to change too.
        var stepName = Node("level2")["stepName"]!["expression"]!["value"]!.GetValue<string>();
        Assert.Contains("Wording()", stepName, StringComparison.Ordinal);
        Assert.DoesNotContain("3 个工作日", stepName, StringComparison.Ordinal);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }
}

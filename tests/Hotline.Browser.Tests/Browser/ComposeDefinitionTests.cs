using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// An administrator composes a new definition in Studio from its toolbox (in Chinese): drags activities onto the
/// canvas, connects them, fills their inputs, and publishes; the Elsa API then reads back what Studio saved.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class ComposeDefinitionTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Editor = "elsa-workflow-definition-editor";
    private const string Save = "/elsa/api/workflow-definitions";

    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_answer_POST_workflows_hello_studio_When_an_administrator_composes_and_publishes_an_HTTP_endpoint_and_its_response_in_the_editor()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        var definitionId = await CreateDefinitionAsync(page, "Hello Studio");
        using var before = await Host.Client().PostAsync("workflows/hello-studio", null);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        var endpoint = await DropAsync(page, "HTTP 接口", "HTTP 接口", "Elsa.HttpEndpoint", 200, 150);
        var response = await DropAsync(page, "HTTP 接口", "HTTP 响应", "Elsa.WriteHttpResponse", 500, 300);
        await ConnectAsync(page, endpoint, "Done", response);
        await endpoint.ClickAsync();
        await FillAsync(page, Input(page, "路径").Locator("input"), "/hello-studio");
        await SavedAsync(page, () => Input(page, "HTTP 方法").Locator("label.mud-checkbox", new() { HasText = "POST" }).ClickAsync(), "\"supportedMethods\":\\{[^}]*POST");
        await response.ClickAsync();
        await FillAsync(page, Input(page, "内容").Locator("input, textarea").First, "hello from the studio");
        await PublishAsync(page);

        var root = await PublishedRootAsync(definitionId);
        var http = Activity(root, "Elsa.HttpEndpoint");
        Assert.Equal("/hello-studio", http["path"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["POST"], JsonNode.Parse(http["supportedMethods"]!["expression"]!["value"]!.GetValue<string>())!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.True(http["customProperties"]?["canStartWorkflow"]?.GetValue<bool>(), "the endpoint is the workflow's trigger");
        AssertConnected(root, http, "Done", Activity(root, "Elsa.WriteHttpResponse"));
        using var client = Host.Client();
        using var answer = await client.PostAsync("workflows/hello-studio", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("hello from the studio", await answer.Content.ReadAsStringAsync());
        using var get = await client.GetAsync("workflows/hello-studio");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode); // only the method ticked in the editor
        await AssertQuietAsync(page);
    }

    /// <summary>Creates a flowchart definition from the list's CREATE WORKFLOW dialog; answers its definition id once the editor shows it.</summary>
    private static async Task<string> CreateDefinitionAsync(WatchedPage page, string name)
    {
        await page.SignInAsync("/designer/definitions");
        var create = page.Page.Locator("elsa-workflow-definition-list").GetByRole(AriaRole.Button, new() { Name = "Create workflow" });
        await create.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await create.ClickAsync();
        var dialog = page.Page.Locator(".mud-dialog");
        await dialog.Locator(".mud-input-control", new() { Has = page.Page.Locator("label", new() { HasTextRegex = new("^Name$") }) }).Locator("input").FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await page.Page.WaitForURLAsync(new Regex("/designer/definitions/[0-9a-f]+$"));
        await page.Page.Locator($"{Editor} .graph-container").WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page.Page.Url[(page.Page.Url.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// Drags <paramref name="activity"/> from the toolbox's <paramref name="category"/> onto the canvas at (x, y), waits
    /// for the auto-save, and answers the new node (the only one of <paramref name="type"/> on the canvas shown).
    /// </summary>
    private static async Task<ILocator> DropAsync(WatchedPage page, string category, string activity, string type, float x, float y)
    {
        var editor = page.Page.Locator(Editor);
        var panel = editor.Locator(".mud-expand-panel", new() { Has = page.Page.Locator(".mud-expand-panel-header", new() { HasTextRegex = Exactly(category) }) });
        // Dragged only once the category has opened: a drag from a panel still opening picks up the item above.
        var item = panel.Locator(".mud-collapse-entered [draggable=true]", new() { HasTextRegex = Exactly(activity) });
        if (!await item.IsVisibleAsync())
            await panel.Locator(".mud-expand-panel-header").ClickAsync();
        var canvas = editor.Locator(".graph-container").First;
        await SavedAsync(page, () => item.DragToAsync(canvas, new() { TargetPosition = new() { X = x, Y = y } }), Regex.Escape($"\"type\":\"{type}\""));
        var node = Node(page, type);
        await Assertions.Expect(node).ToHaveCountAsync(1);
        return node;
    }

    /// <summary>Text that is <paramref name="text"/> alone, between the white space Studio's markup leaves around it.</summary>
    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");

    /// <summary>The nodes of the canvas shown whose activity is of <paramref name="type"/>.</summary>
    private static ILocator Node(WatchedPage page, string type) =>
        page.Page.Locator($"{Editor} .x6-node", new() { Has = page.Page.Locator($"elsa-activity-wrapper[activity-json*='\"type\":\"{type}\"']") });

    /// <summary>
    /// Drags a line from <paramref name="source"/>'s outcome <paramref name="port"/> to <paramref name="target"/>'s In
    /// port; waits for the auto-save. A click on the empty canvas first unselects the last dropped node, whose selection
    /// box would otherwise cover its ports.
    /// </summary>
    private static async Task ConnectAsync(WatchedPage page, ILocator source, string port, ILocator target)
    {
        await page.Page.Locator($"{Editor} .graph-container").First.ClickAsync(new() { Position = new() { X = 10, Y = 10 } });
        await SavedAsync(page, () => source.Locator($"[port='{port}']").DragToAsync(target.Locator("[port='In']")), "\"connections\":\\[\\{");
    }

    /// <summary>The property panel's input labelled <paramref name="label"/> (the activity's input, in Chinese).</summary>
    private static ILocator Input(WatchedPage page, string label) =>
        page.Page.Locator($"{Editor} .mud-input-control", new() { Has = page.Page.Locator("label", new() { HasTextRegex = new($"^{Regex.Escape(label)}$") }) }).First;

    /// <summary>Types <paramref name="value"/> (ASCII: Studio's JSON escapes other characters) into <paramref name="field"/> and leaves it; waits for the auto-save holding it.</summary>
    private static Task FillAsync(WatchedPage page, ILocator field, string value) =>
        SavedAsync(page, async () =>
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
        }, Regex.Escape(value));

    /// <summary>Runs <paramref name="action"/> and waits for Studio's auto-save of a draft that <paramref name="saved"/> matches.</summary>
    private static async Task SavedAsync(WatchedPage page, Func<Task> action, [StringSyntax(StringSyntaxAttribute.Regex)] string saved)
    {
        var response = await page.Page.RunAndWaitForResponseAsync(action,
            r => r.Request.Method == "POST" && r.Url == page.Address + Save && Regex.IsMatch(r.Request.PostData!, saved));
        Assert.Equal(200, response.Status);
    }

    private static async Task PublishAsync(WatchedPage page)
    {
        var publish = page.Page.Locator($"{Editor} .mud-button-group-root button.mud-primary-text").First;
        var published = await page.Page.RunAndWaitForResponseAsync(() => publish.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url == page.Address + Save && r.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await page.Page.GetByText("Workflow published").WaitForAsync();
    }

    /// <summary>The published version's root flowchart, read back through the Elsa API.</summary>
    private async Task<JsonObject> PublishedRootAsync(string definitionId)
    {
        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        var model = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        return model!["root"]!.AsObject();
    }

    /// <summary>The one activity of <paramref name="type"/> directly in <paramref name="flowchart"/>.</summary>
    private static JsonObject Activity(JsonObject flowchart, string type) =>
        flowchart["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == type)!.AsObject();

    private static void AssertConnected(JsonObject flowchart, JsonObject source, string port, JsonObject target) =>
        Assert.Contains(flowchart["connections"]!.AsArray(), c =>
            c!["source"]!["activity"]!.GetValue<string>() == source["id"]!.GetValue<string>() && c["source"]!["port"]!.GetValue<string>() == port
            && c["target"]!["activity"]!.GetValue<string>() == target["id"]!.GetValue<string>());

    /// <summary>No error bar, failed request, console error or console warning (e.g. X6 unable to route a line).</summary>
    private static async Task AssertQuietAsync(WatchedPage page)
    {
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        Assert.True(page.Warnings.Count == 0, "Console warnings:\n" + string.Join("\n", page.Warnings));
        page.AssertClean();
    }
}

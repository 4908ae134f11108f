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

    // X6 warns that it cannot route a line while its end is still under the pointer, on top of the target node.
    private readonly List<string> _drawing = [];

    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_answer_POST_workflows_hello_studio_after_a_loop_over_3_items_When_an_administrator_composes_an_HTTP_endpoint_a_ForEach_with_a_body_and_a_response_in_the_editor()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        var definitionId = await CreateDefinitionAsync(page, "Hello Studio");
        using var client = Host.Client();
        using (var before = await client.PostAsync("workflows/hello-studio", null))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        // Root: HTTP 接口 → 逐项循环 → HTTP 响应, each from its category in the toolbox, connected by dragging lines.
        var endpoint = await DropAsync(page, "HTTP 接口", "HTTP 接口", "Elsa.HttpEndpoint", 40, 150);
        var loop = await DropAsync(page, "循环", "逐项循环", "Elsa.ForEach", 330, 150);
        var response = await DropAsync(page, "HTTP 接口", "HTTP 响应", "Elsa.WriteHttpResponse", 600, 150);
        await ConnectAsync(page, endpoint, "Done", loop);
        await ConnectAsync(page, loop, "Done", response);
        await SelectAsync(page, endpoint);
        await FillAsync(page, Input(page, "路径").Locator("input"), "/hello-studio");
        await SavedAsync(page, () => Input(page, "HTTP 方法").Locator("label.mud-checkbox", new() { HasText = "POST" }).ClickAsync(), "\"supportedMethods\":\\{[^}]*POST");
        await SelectAsync(page, loop);
        await FillAsync(page, Input(page, "项目").Locator("input, textarea").First, "[1,2,3]");
        await SelectAsync(page, response);
        await FillAsync(page, Input(page, "内容").Locator("input, textarea").First, "hello from the studio");

        // The loop's body: its embedded port opens a new flowchart (Studio asks which kind); a WriteLine goes in, then back up.
        var editor = page.Page.Locator(Editor);
        await ClearSelectionAsync(page);
        await loop.Locator(".embedded-port[data-port-name='Body']").ClickAsync();
        await page.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".mud-breadcrumbs")).ToContainTextAsync("主体");
        await Assertions.Expect(editor.Locator(".x6-node")).ToHaveCountAsync(0);
        var line = await DropAsync(page, "基础", "输出一行", "Elsa.WriteLine", 300, 200);
        await SelectAsync(page, line);
        await FillAsync(page, Input(page, "文本").Locator("input, textarea").First, "one more item");
        await editor.Locator(".mud-breadcrumbs a", new() { HasText = "Root" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".x6-node")).ToHaveCountAsync(3);
        await Assertions.Expect(editor.Locator(".x6-edge")).ToHaveCountAsync(2);
        await PublishAsync(page);

        var root = await PublishedRootAsync(definitionId);
        var http = Activity(root, "Elsa.HttpEndpoint");
        Assert.Equal("/hello-studio", http["path"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Equal(["POST"], JsonNode.Parse(http["supportedMethods"]!["expression"]!["value"]!.GetValue<string>())!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.True(http["customProperties"]?["canStartWorkflow"]?.GetValue<bool>(), "the endpoint is the workflow's trigger");
        var forEach = Activity(root, "Elsa.ForEach");
        Assert.Equal("[1,2,3]", forEach["items"]!["expression"]!["value"]!.GetValue<string>());
        var body = forEach["body"]!.AsObject();
        Assert.Equal("Elsa.Flowchart", body["type"]!.GetValue<string>());
        Assert.Equal("one more item", Activity(body, "Elsa.WriteLine")["text"]!["expression"]!["value"]!.GetValue<string>());
        AssertConnected(root, http, "Done", forEach);
        AssertConnected(root, forEach, "Done", Activity(root, "Elsa.WriteHttpResponse"));

        using var answer = await client.PostAsync("workflows/hello-studio", null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("hello from the studio", await answer.Content.ReadAsStringAsync());
        Assert.Equal(3, await CompletedWriteLinesAsync(definitionId));
        using (var get = await client.GetAsync("workflows/hello-studio"))
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
        // The toolbox filtered to the activity, as a person looking for it would, so it is dragged from a list that need not scroll.
        var search = editor.GetByRole(AriaRole.Textbox, new() { Name = "Search" });
        await search.FillAsync(activity);
        await Assertions.Expect(panel).ToBeVisibleAsync();
        if (!await item.IsVisibleAsync())
            await panel.Locator(".mud-expand-panel-header").ClickAsync();
        // The canvas shown (a body's, once drilled in).
        var canvas = editor.Locator(".graph-container:visible").First;
        await SavedAsync(page, () => item.DragToAsync(canvas, new() { TargetPosition = new() { X = x, Y = y } }), Regex.Escape($"\"type\":\"{type}\""));
        await search.FillAsync("");
        var node = Node(page, type);
        await Assertions.Expect(node).ToHaveCountAsync(1);
        return node;
    }

    /// <summary>Text that is <paramref name="text"/> alone, between the white space Studio's markup leaves around it.</summary>
    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");

    /// <summary>The nodes of the canvas shown whose activity is of <paramref name="type"/>.</summary>
    private static ILocator Node(WatchedPage page, string type) =>
        page.Page.Locator($"{Editor} .x6-node", new() { Has = page.Page.Locator($"elsa-activity-wrapper[activity-json*='\"type\":\"{type}\"']") });

    /// <summary>Clicks the empty canvas: the last dropped node is no longer selected, its selection box no longer covers it.</summary>
    private static Task ClearSelectionAsync(WatchedPage page) =>
        page.Page.Locator($"{Editor} .graph-container").First.ClickAsync(new() { Position = new() { X = 10, Y = 10 } });

    /// <summary>Selects <paramref name="node"/>: the property panel shows its inputs.</summary>
    private static async Task SelectAsync(WatchedPage page, ILocator node)
    {
        await ClearSelectionAsync(page);
        await node.ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
    }

    /// <summary>
    /// Drags a line from <paramref name="source"/>'s outcome <paramref name="port"/> to <paramref name="target"/>'s In
    /// port; waits for the auto-save.
    /// </summary>
    private async Task ConnectAsync(WatchedPage page, ILocator source, string port, ILocator target)
    {
        await ClearSelectionAsync(page);
        var before = page.Warnings.Count;
        await SavedAsync(page, () => source.Locator($"[port='{port}']").DragToAsync(target.Locator("[port='In']")), "\"connections\":\\[\\{");
        _drawing.AddRange(page.Warnings.Skip(before));
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
        // No save in flight: a change made while Studio is still saving the last one can wait for the next change.
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
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

    /// <summary>How many WriteLines completed in the definition's one instance (its journal, through the Elsa API).</summary>
    private async Task<int> CompletedWriteLinesAsync(string definitionId)
    {
        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        var instances = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances?definitionId={definitionId}");
        var id = instances!["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var journal = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-instances/{id}/journal");
        return journal!["items"]!.AsArray().Count(e => e!["activityType"]?.GetValue<string>() == "Elsa.WriteLine" && e["eventName"]?.GetValue<string>() == "Completed");
    }

    /// <summary>The one activity of <paramref name="type"/> directly in <paramref name="flowchart"/>.</summary>
    private static JsonObject Activity(JsonObject flowchart, string type) =>
        flowchart["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == type)!.AsObject();

    private static void AssertConnected(JsonObject flowchart, JsonObject source, string port, JsonObject target) =>
        Assert.Contains(flowchart["connections"]!.AsArray(), c =>
            c!["source"]!["activity"]!.GetValue<string>() == source["id"]!.GetValue<string>() && c["source"]!["port"]!.GetValue<string>() == port
            && c["target"]!["activity"]!.GetValue<string>() == target["id"]!.GetValue<string>());

    /// <summary>
    /// No error bar, failed request, console error or console warning (e.g. X6 unable to route a line), but X6's
    /// routing warnings while a line was being drawn.
    /// </summary>
    private async Task AssertQuietAsync(WatchedPage page)
    {
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        Assert.All(_drawing, w => Assert.Contains("manhattan", w, StringComparison.Ordinal));
        var warnings = page.Warnings.ToList();
        foreach (var drawing in _drawing)
            warnings.Remove(drawing);
        Assert.True(warnings.Count == 0, "Console warnings:\n" + string.Join("\n", warnings));
        page.AssertClean();
    }
}

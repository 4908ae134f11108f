using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// Publishing a draft whose script does not compile, with the Studio's Publish button: the API refuses it (400, each
/// problem keyed by activity and input), the Studio's snackbar says which activity and input, and the version published
/// before stays the published one.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class PublishErrorTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string DefinitionId = "urgency-check";
    private const string ValidCondition = "getInput('Level') > 2";
    private const string BrokenCondition = "getInput('Level') >";

    // A decision on an input, and a line written when it holds.
    private const string Definition = """
        {
          "definitionId": "urgency-check", "name": "Urgency check", "version": 1,
          "inputs": [ { "name": "Level", "type": "Int32" } ], "outputs": [], "variables": [],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "decide", "type": "Elsa.FlowDecision", "version": 1, "name": "Urgent?",
                "metadata": { "designer": { "position": { "x": 100, "y": 100 } } },
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "" } } },
              { "id": "hello", "type": "Elsa.WriteLine", "version": 1, "name": "Announce",
                "metadata": { "designer": { "position": { "x": 400, "y": 100 } } },
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "urgent" } } } ],
            "connections": [ { "source": { "activity": "decide", "port": "True" }, "target": { "activity": "hello", "port": "In" } } ] }
        }
        """;

    private DesignerHost Host => fixture.Host;

    private static JsonObject WithCondition(JsonObject definition, string condition)
    {
        var model = (JsonObject)definition.DeepClone();
        model.Remove("links");
        Decision(model)["condition"]!["expression"]!["value"] = condition;
        return model;
    }

    private static JsonObject Decision(JsonObject definition) =>
        definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "decide")!.AsObject();

    /// <summary>Saves (the auto-save) or publishes (the Publish button) through the Elsa API, as the Studio does.</summary>
    private static async Task<JsonObject> SaveAsync(HttpClient api, JsonObject model, bool publish)
    {
        using var response = await api.PostAsJsonAsync("elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = publish });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body!["workflowDefinition"]!.AsObject();
    }

    [Fact]
    public async Task Should_name_the_activity_and_input_in_the_snackbar_and_keep_version_1_published_When_the_publish_button_sends_a_condition_that_does_not_compile()
    {
        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        var published = await SaveAsync(api, WithCondition(JsonNode.Parse(Definition)!.AsObject(), ValidCondition), publish: true);
        Assert.True(published["isPublished"]!.GetValue<bool>());
        var draft = await SaveAsync(api, WithCondition(published, BrokenCondition), publish: false);
        Assert.Equal(2, draft["version"]!.GetValue<int>());
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        page.ExpectedStatuses.Add(Host.Address + "/elsa/api/workflow-definitions 400");

        await page.SignInAsync("/designer/definitions/" + DefinitionId);
        await Assertions.Expect(page.Page.Locator("elsa-workflow-definition-editor .x6-node")).ToHaveCountAsync(2, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var publish = page.Page.Locator("elsa-workflow-definition-editor .mud-button-group-root button.mud-primary-text").First;
        var refused = await page.Page.RunAndWaitForResponseAsync(() => publish.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url == Host.Address + "/elsa/api/workflow-definitions" && r.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal));

        Assert.Equal(400, refused.Status);
        var errors = (await refused.JsonAsync())!.Value.GetProperty("errors");
        Assert.True(errors.TryGetProperty("activity:decide.condition", out _), errors.ToString());
        var snackbar = page.Page.Locator(".mud-snackbar", new() { HasText = "condition" });
        await snackbar.WaitForAsync();
        var message = await snackbar.InnerTextAsync();
        Assert.Contains("activity 'Urgent?' (decide, Elsa.FlowDecision v1), input 'condition'", message, StringComparison.Ordinal);
        Assert.Contains("does not compile", message, StringComparison.Ordinal);
        await page.ScreenshotAsync("publish-refused");
        Assert.Equal(0, await page.Page.GetByText("Workflow published").CountAsync());

        var live = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Published");
        Assert.Equal(1, live!["version"]!.GetValue<int>());
        Assert.Equal(ValidCondition, Decision(live)["condition"]!["expression"]!["value"]!.GetValue<string>());
        var latest = await api.GetFromJsonAsync<JsonObject>($"elsa/api/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Latest");
        Assert.Equal(2, latest!["version"]!.GetValue<int>());
        Assert.False(latest["isPublished"]!.GetValue<bool>());
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }
}

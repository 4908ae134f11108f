using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The Studio's buttons against this host, each screen ending clean (no failed request but the refusals a step expects,
/// no console error, no error bar): the Test tab's START, ▶ Run, deleting instances from the list, "Open filtered logs".
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class StudioScreensTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    // Start, then a script (6 × 7); the draft after it adds one of the hotline's activities (closing a case).
    private const string Scripted = """
        {
          "definitionId": "screens-answer", "name": "Screens answer", "version": 1, "variables": [], "inputs": [], "outputs": [],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1, "name": "Start", "customProperties": { "canStartWorkflow": true },
                "metadata": { "designer": { "position": { "x": 100, "y": 100 } } } },
              { "id": "answer", "type": "Elsa.RunJavaScript", "version": 1, "name": "Answer",
                "metadata": { "designer": { "position": { "x": 100, "y": 250 } } },
                "script": { "typeName": "String", "expression": { "type": "Literal", "value": "return 6 * 7;" } } } ],
            "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "answer", "port": "In" } } ] }
        }
        """;

    private const string CloseCase = """
        { "id": "close", "type": "Hotline.CloseCase", "version": 1, "name": "Close the case",
          "metadata": { "designer": { "position": { "x": 400, "y": 100 } } } }
        """;

    private DesignerHost Host => fixture.Host;

    private static async Task<JsonObject> SaveAsync(HttpClient api, JsonObject model, bool publish)
    {
        using var response = await api.PostAsJsonAsync("elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = publish });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body!["workflowDefinition"]!.AsObject();
    }

    private static JsonObject Definition(string definitionId)
    {
        var model = JsonNode.Parse(Scripted)!.AsObject();
        model["definitionId"] = definitionId;
        model["name"] = definitionId;
        return model;
    }

    private async Task<HttpClient> AdminAsync() => Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));

    // A node of the canvas by its activity id.
    private static ILocator Node(WatchedPage page, string element, string activityId) =>
        page.Page.Locator($"{element} .x6-node[data-cell-id='{activityId}']");

    [Fact]
    public async Task Should_test_run_a_script_refuse_a_case_activity_and_run_the_published_version_When_an_administrator_uses_the_editors_buttons()
    {
        using var api = await AdminAsync();
        var published = await SaveAsync(api, Definition("screens-answer"), publish: true);
        var draft = (JsonObject)published.DeepClone();
        draft.Remove("links");
        draft["root"]!["activities"]!.AsArray().Add(JsonNode.Parse(CloseCase));
        Assert.Equal(2, (await SaveAsync(api, draft, publish: false))["version"]!.GetValue<int>());
        await SaveAsync(api, Definition("screens-never-published"), publish: false);
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        const string editor = "elsa-workflow-definition-editor";

        await page.SignInAsync("/designer/definitions/screens-answer");
        await Assertions.Expect(page.Page.Locator(editor + " .x6-node")).ToHaveCountAsync(3, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // START on the script: it runs alone and the tab shows its status, outcome and output.
        var testTab = page.Page.Locator(editor + " .mud-tab", new() { HasText = "Test" });
        var start = page.Page.Locator(editor).GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });
        // The innermost tab panels around START: the activity's tabs.
        var panel = page.Page.Locator(editor + " .mud-tabs-panels", new() { Has = page.Page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }) }).Last;
        await Node(page, editor, "answer").ClickAsync();
        await testTab.ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Page.RunAndWaitForResponseAsync(() => start.ClickAsync(), r => r.Url == Host.Address + "/elsa/api/tests/activities");
        await Assertions.Expect(panel).ToContainTextAsync("Completed");
        await Assertions.Expect(panel).ToContainTextAsync("42");
        await page.ScreenshotAsync("studio-test-tab-script");

        // START on the hotline's activity: refused, the reason shown as the run's fault.
        await Node(page, editor, "close").ClickAsync();
        await testTab.ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Page.RunAndWaitForResponseAsync(() => start.ClickAsync(), r => r.Url == Host.Address + "/elsa/api/tests/activities");
        await Assertions.Expect(panel).ToContainTextAsync("Faulted");
        await Assertions.Expect(panel).ToContainTextAsync("is a hotline activity");
        await page.ScreenshotAsync("studio-test-tab-refused");
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");

        // ▶ Run on the draft (version 2) starts the published version 1 and opens its instance.
        var run = await page.Page.RunAndWaitForResponseAsync(() => page.Page.Locator(editor + " button.mud-success-text").First.ClickAsync(),
            r => r.Url == Host.Address + "/elsa/api/workflow-definitions/screens-answer/execute");
        var instanceId = await run.HeaderValueAsync("x-elsa-workflow-instance-id");
        Assert.False(string.IsNullOrEmpty(instanceId));
        await page.Page.WaitForURLAsync(Host.Address + "/designer/instances/" + instanceId);
        await page.Page.Locator("elsa-workflow-instance-viewer .mud-timeline-item").First.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        var instance = (await api.GetFromJsonAsync<JsonObject>("elsa/api/workflow-instances/" + instanceId))!;
        Assert.Equal(1, instance["version"]!.GetValue<int>());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();

        // ▶ Run on a workflow never published: refused (409), the frame says why, the editor stays.
        var execute = Host.Address + "/elsa/api/workflow-definitions/screens-never-published/execute";
        page.ExpectedStatuses.Add(execute + " 409");
        await page.Page.GotoAsync(Host.Address + "/designer/definitions/screens-never-published");
        await Assertions.Expect(page.Page.Locator(editor + " .x6-node")).ToHaveCountAsync(2, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var refused = await page.Page.RunAndWaitForResponseAsync(() => page.Page.Locator(editor + " button.mud-success-text").First.ClickAsync(), r => r.Url == execute);
        Assert.Equal(409, refused.Status);
        await Assertions.Expect(page.Page.Locator("#hd-notice")).ToContainTextAsync("从未发布");
        await Assertions.Expect(page.Page.Locator(".mud-snackbar", new() { HasText = "cannot be started" })).ToBeVisibleAsync();
        Assert.Equal(Host.Address + "/designer/definitions/screens-never-published", page.Page.Url);
        await page.ScreenshotAsync("studio-run-never-published");
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_delete_ended_instances_and_keep_the_running_case_with_a_message_When_an_administrator_deletes_from_the_instance_list()
    {
        using var api = await AdminAsync();
        await SaveAsync(api, Definition("screens-ended"), publish: true);
        var ended = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var run = await api.PostAsJsonAsync("elsa/api/workflow-definitions/screens-ended/execute", new JsonObject());
            run.EnsureSuccessStatusCode();
            ended.Add(run.Headers.GetValues("x-elsa-workflow-instance-id").Single());
        }

        var running = await StartCaseAsync();
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        page.ExpectedStatuses.Add(Host.Address + "/elsa/api/workflow-instances/" + running + " 409");
        const string list = "elsa-workflow-instance-list";
        ILocator Row(string id) => page.Page.Locator(list + " tr", new() { Has = page.Page.Locator("td[data-label=ID]", new() { HasTextString = id }) });
        async Task ConfirmAsync(Func<Task> open)
        {
            await open();
            await page.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        }

        async Task DeleteRowAsync(string id) => await ConfirmAsync(async () =>
        {
            await Row(id).Locator("td").Last.GetByRole(AriaRole.Button).ClickAsync();
            await page.Page.Locator(".mud-popover-open").GetByText("Delete", new() { Exact = true }).ClickAsync();
        });

        await page.SignInAsync("/designer/instances");
        await Row(running).WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Dates in the frame's language (the Studio's culture): Chinese.
        await Assertions.Expect(Row(running).Locator("td[data-label=CreatedAt]")).ToContainTextAsync("2026/3/2");

        // A finished instance, from its row's menu: gone.
        await DeleteRowAsync(ended[0]);
        await Assertions.Expect(Row(ended[0])).ToHaveCountAsync(0);

        // The open case's lifecycle, from its row's menu: kept, and the frame says why.
        await DeleteRowAsync(running);
        await Assertions.Expect(page.Page.Locator("#hd-notice")).ToContainTextAsync("仍在运行");
        await Assertions.Expect(Row(running)).ToHaveCountAsync(1);
        await page.ScreenshotAsync("studio-delete-running-refused");
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");

        // The bulk delete of two finished ones and the running one: the finished ones go, the running one stays.
        foreach (var id in new[] { ended[1], ended[2], running })
            await Row(id).Locator("input[type=checkbox]").CheckAsync();
        await ConfirmAsync(async () =>
        {
            await page.Page.Locator(list).GetByRole(AriaRole.Button, new() { Name = "Bulk actions" }).ClickAsync();
            await page.Page.Locator(".mud-popover-open").GetByText("Delete", new() { Exact = true }).ClickAsync();
        });
        await Assertions.Expect(Row(ended[1])).ToHaveCountAsync(0);
        await Assertions.Expect(Row(ended[2])).ToHaveCountAsync(0);
        await Assertions.Expect(Row(running)).ToHaveCountAsync(1);
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        using (var gone = await api.GetAsync("elsa/api/workflow-instances/" + ended[1]))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_land_on_the_instance_viewer_When_an_administrator_opens_a_running_cases_filtered_logs()
    {
        var instanceId = await StartCaseAsync();
        var nodes = Repository.Definition("case-lifecycle")["root"]!["activities"]!.AsArray().Count;
        const string viewer = "elsa-workflow-instance-viewer";
        await using var page = await WatchedPage.OpenAsync(browser, Host);

        await page.SignInAsync("/designer/instances/" + instanceId);
        await Assertions.Expect(page.Page.Locator(viewer + " .x6-node")).ToHaveCountAsync(nodes, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // "Open filtered logs" (the instance's details): this host's log of an instance is its journal, in the viewer.
        await page.Page.RunAndWaitForResponseAsync(() => page.Page.Locator(viewer).GetByRole(AriaRole.Link, new() { Name = "Open filtered logs" }).ClickAsync(),
            r => r.Url == Host.Address + "/diagnostics/structured-logs?workflowInstanceId=" + instanceId);
        await page.Page.WaitForURLAsync(Host.Address + "/designer/instances/" + instanceId);
        await Assertions.Expect(page.Page.Locator(viewer + " .x6-node")).ToHaveCountAsync(nodes, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.Locator(viewer + " .mud-timeline-item").First.WaitForAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    /// <summary>Registers a complaint (its lifecycle runs, waiting for the unit) and answers the lifecycle's instance id.</summary>
    private async Task<string> StartCaseAsync()
    {
        using var integrator = Host.IntegratorClient();
        using var created = await integrator.PostAsJsonAsync("api/cases", new
        {
            channel = "Phone", content = "小区门口占道经营，影响通行", type = "Complaint", subjectCode = "SR-ROAD", address = "东湖区新华路1号", districtCode = "990103",
        });
        created.EnsureSuccessStatusCode();
        var number = (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
        await using var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        return (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).WorkflowInstanceId!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The editor's entry-point switch (#hd-entry in the designer's bar): it shows whether integrators may start the
/// definition, and opening or closing it there decides what <c>POST /api/workflows/{id}/instances</c> answers.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class EntryPointSwitchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly Regex Open = new(@"\bhd-open\b");

    private DesignerHost Host => fixture.Host;

    private string EntryPointsUrl => Host.Address + "/api/workflows/entry-points";

    private string EntryPointUrl(string definitionId) => $"{EntryPointsUrl}/{definitionId}";

    /// <summary>Runs <paramref name="action"/> and waits for the switch to load the entry points (the list, 200 even when the definition is closed).</summary>
    private async Task LoadingEntryPointsAsync(WatchedPage page, Func<Task> action)
    {
        var loaded = await page.Page.RunAndWaitForResponseAsync(action,
            r => r.Request.Method == "GET" && r.Url == EntryPointsUrl, new() { Timeout = WatchedPage.BootTimeout });
        Assert.Equal(200, loaded.Status);
    }

    /// <summary>Picks <paramref name="intake"/> ("" = closed) and returns the status of the PUT or DELETE it sends.</summary>
    private async Task<int> SwitchAsync(WatchedPage page, string definitionId, string intake)
    {
        var response = await page.Page.RunAndWaitForResponseAsync(() => page.Page.SelectOptionAsync("#hd-entry-select", intake),
            r => r.Request.Method == (intake == "" ? "DELETE" : "PUT") && r.Url == EntryPointUrl(definitionId));
        return response.Status;
    }

    private async Task<HttpStatusCode> IntegratorStartsAsync(string definitionId)
    {
        using var integrator = Host.IntegratorClient();
        using var response = await integrator.PostAsJsonAsync($"api/workflows/{definitionId}/instances", new { input = new JsonObject() });
        return response.StatusCode;
    }

    [Fact]
    public async Task Should_let_integrators_start_reply_and_then_refuse_them_again_When_an_administrator_opens_and_closes_its_entry_point_in_the_editor()
    {
        var activities = Repository.Definition("reply")["root"]!["activities"]!.AsArray().Count;
        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        Assert.Equal(HttpStatusCode.NotFound, await IntegratorStartsAsync("reply"));
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.Page.SetViewportSizeAsync(1280, 720); // a laptop's screen: the bar still fits
        var select = page.Page.Locator("#hd-entry-select");
        var status = page.Page.Locator("#hd-entry-status");

        await LoadingEntryPointsAsync(page, () => page.SignInAsync("/designer/definitions/reply"));
        await Assertions.Expect(page.Page.Locator("elsa-workflow-definition-editor .x6-node")).ToHaveCountAsync(activities, new() { Timeout = WatchedPage.BootTimeout });
        await Assertions.Expect(page.Page.Locator("#hd-entry")).ToBeVisibleAsync();
        await Assertions.Expect(select).ToHaveValueAsync("");
        await Assertions.Expect(status).ToBeEmptyAsync();

        // reply acts on cases: the server refuses to open it with declared inputs, and Case intake is what it can have.
        page.ExpectedStatuses.Add(EntryPointUrl("reply") + " 400");
        Assert.Equal(400, await SwitchAsync(page, "reply", "Workflow"));
        Assert.Equal(200, await SwitchAsync(page, "reply", "Case"));
        await Assertions.Expect(status).ToHaveTextAsync("已保存");
        await Assertions.Expect(select).ToHaveClassAsync(Open);
        var opened = await api.GetFromJsonAsync<JsonObject>("api/workflows/entry-points/reply");
        Assert.Equal("Case", opened!["intake"]!.GetValue<string>());
        Assert.Equal("admin", opened["changedBy"]!.GetValue<string>());
        var started = await IntegratorStartsAsync("reply");
        Assert.True(started is HttpStatusCode.BadRequest or HttpStatusCode.Created, $"An open entry point answered {(int)started}");
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await DocsScreenshotAsync(page);

        Assert.Equal(204, await SwitchAsync(page, "reply", ""));
        await Assertions.Expect(select).Not.ToHaveClassAsync(Open);
        await Assertions.Expect(status).ToHaveTextAsync("已保存");
        using (var closed = await api.GetAsync("api/workflows/entry-points/reply"))
            Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await IntegratorStartsAsync("reply"));
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_show_Case_for_the_lifecycle_hide_the_switch_on_the_list_and_show_Closed_for_another_definition_When_an_administrator_moves_between_the_screens()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        var entry = page.Page.Locator("#hd-entry");
        var select = page.Page.Locator("#hd-entry-select");

        await LoadingEntryPointsAsync(page, () => page.SignInAsync("/designer/definitions/case-lifecycle"));
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await Assertions.Expect(select).ToHaveValueAsync("Case");
        Assert.Equal("开放：按工单受理校验", await select.EvaluateAsync<string>("s => s.selectedOptions[0].textContent"));

        await page.Page.ClickAsync(".hd-nav a[data-nav=definitions]");
        await page.Page.WaitForURLAsync(Host.Address + "/designer/definitions");
        var list = page.Page.Locator("elsa-workflow-definition-list");
        await list.GetByText("category-deadlines").WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await Assertions.Expect(entry).ToBeHiddenAsync();

        await LoadingEntryPointsAsync(page, () => list.GetByText("category-deadlines").ClickAsync());
        await page.Page.WaitForURLAsync(Host.Address + "/designer/definitions/category-deadlines");
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await Assertions.Expect(select).ToHaveValueAsync("");
        await Assertions.Expect(page.Page.Locator("elsa-workflow-definition-editor .x6-node").First).ToBeVisibleAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    /// <summary>The README's picture of the switch: HOTLINE_UPDATE_DOCS_SCREENSHOT=1 build/test.sh --filter "FullyQualifiedName~EntryPointSwitch".</summary>
    private static async Task DocsScreenshotAsync(WatchedPage page)
    {
        if (Environment.GetEnvironmentVariable("HOTLINE_UPDATE_DOCS_SCREENSHOT") != "1")
            return;
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Root, "docs", "designer-entry-point.png") });
    }
}

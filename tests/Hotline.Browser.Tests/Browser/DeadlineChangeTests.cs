using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>An administrator redesigns a rule in the real Studio (its catalogue in Chinese) and the hotline follows it.</summary>
[Collection(BrowserGroup.Name)]
public sealed partial class DeadlineChangeTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private async Task<JsonObject> CreateComplaintAsync(string content)
    {
        using var integrator = Host.IntegratorClient();
        using var response = await integrator.PostAsJsonAsync("api/cases", new
        {
            channel = "Phone", content, type = "Complaint", subjectCode = "SR-ROAD", address = "东湖区新华路1号", districtCode = "990103",
        });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {json}");
        return json!;
    }

    [Fact]
    public async Task Should_give_new_complaints_8_working_days_When_an_administrator_changes_the_complaint_limit_in_the_editor_and_publishes_it()
    {
        var before = await CreateComplaintAsync("投诉：夜间施工噪音扰民");
        Assert.Equal(10, before["deadlineRule"]!["limit"]!.GetValue<int>());
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.SignInAsync("/designer/definitions/category-deadlines");
        var complaintLimit = page.Page.Locator(".x6-node", new() { HasText = "投诉时限" });
        await complaintLimit.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The toolbox and the property panel in Chinese (the browser's language): categories, activities, input labels.
        var editor = page.Page.Locator("elsa-workflow-definition-editor");
        await editor.GetByText("工单", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(editor.GetByText("知识库答复", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Equal(0, await editor.GetByText("Answer From Knowledge Base", new() { Exact = true }).CountAsync());
        await complaintLimit.ClickAsync();
        var outputValue = page.Page.Locator(".mud-input-control", new() { Has = page.Page.Locator("label", new() { HasTextRegex = new("^时限$") }) }).Locator("input");
        await Assertions.Expect(outputValue).ToHaveValueAsync("10");
        // Auto-save (on by default) stores the draft; wait for it so that Publish publishes the edit.
        await page.Page.RunAndWaitForResponseAsync(async () =>
        {
            await outputValue.FillAsync("8");
            await outputValue.PressAsync("Tab");
        }, r => r.Request.Method == "POST" && r.Url == Host.Address + "/elsa/api/workflow-definitions", new() { Timeout = 30_000 });
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "guide-deadline.png");
        var publish = page.Page.Locator("elsa-workflow-definition-editor .mud-button-group-root button.mud-primary-text").First;
        var published = await page.Page.RunAndWaitForResponseAsync(() => publish.ClickAsync(),
            r => r.Request.Method == "POST" && r.Url == Host.Address + "/elsa/api/workflow-definitions" && r.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);
        await page.Page.GetByText("Workflow published").WaitForAsync();

        var after = await CreateComplaintAsync("投诉：小区门口占道经营");
        var rule = after["deadlineRule"]!;
        Assert.Equal(8, rule["limit"]!.GetValue<int>());
        Assert.Equal("WorkingDays", rule["unit"]!.GetValue<string>());
        // The rule's name on the timeline follows the limit: one node holds both.
        using var integrator = Host.IntegratorClient();
        var detail = await integrator.GetFromJsonAsync<JsonObject>($"api/cases/{after["number"]}");
        var set = detail!["timeline"]!.AsArray().Last(e => e!["kind"]!.GetValue<string>() == "DeadlineSet");
        Assert.Equal("投诉：8个工作日", set?["data"]?["rule"]?.GetValue<string>());
        Assert.True(rule["definitionVersion"]!.GetValue<int>() > before["deadlineRule"]!["definitionVersion"]!.GetValue<int>());
        // Both registered on Monday 2 March 2026: 10 working days end on Monday 16 March, 8 on Thursday 12 March.
        var oldDeadline = before["deadlineAt"]!.GetValue<DateTimeOffset>();
        var newDeadline = after["deadlineAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(new DateOnly(2026, 3, 16), DateOnly.FromDateTime(oldDeadline.ToOffset(TimeSpan.FromHours(8)).DateTime));
        Assert.Equal(oldDeadline.AddDays(-4), newDeadline);
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }
}

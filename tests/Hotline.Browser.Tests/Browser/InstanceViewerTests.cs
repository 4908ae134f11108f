using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Browser.Tests.Infrastructure;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>The instance viewer of a case's lifecycle: its journal, and the activities where it waits.</summary>
[Collection(BrowserGroup.Name)]
public sealed class InstanceViewerTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_show_the_journal_and_mark_the_waiting_activities_When_an_administrator_views_a_suspended_case()
    {
        var (number, instanceId, instance) = await StartCaseAsync();

        // Where it waits, from the instance's bookmarks: the top-level activities of case-lifecycle holding one.
        Assert.Equal("Suspended", instance["subStatus"]!.GetValue<string>());
        var lifecycle = Repository.Definition("case-lifecycle")["root"]!.AsObject();
        var rootId = lifecycle["id"]!.GetValue<string>();
        var waiting = instance["workflowState"]!["bookmarks"]!.AsArray()
            .Select(b => b!["activityNodeId"]!.GetValue<string>().Split(':'))
            .Select(path => path[Array.IndexOf(path, rootId) + 1])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(waiting);
        var activities = lifecycle["activities"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
        string Label(string id) => activities[id]["metadata"]?["displayText"]?.GetValue<string>() ?? activities[id]["name"]!.GetValue<string>();

        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.SignInAsync("/designer/instances/" + instanceId);

        var viewer = page.Page.Locator("elsa-workflow-instance-viewer");
        var journal = viewer.Locator(".mud-timeline-item");
        await journal.First.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await Assertions.Expect(viewer.Locator(".x6-node")).ToHaveCountAsync(activities.Count);
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Each entry reads "<activity>", "<type> - <event>", its time and duration.
        var entries = (await journal.AllInnerTextsAsync())
            .Select(e => e.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(lines => (Activity: lines[0], Event: lines[1][(lines[1].LastIndexOf(" - ", StringComparison.Ordinal) + 3)..]))
            .ToList();
        Assert.Contains((Label("start"), "Started"), entries);
        Assert.Contains((Label("accept"), "Completed"), entries);
        foreach (var id in waiting)
        {
            Assert.Contains((Label(id), "Started"), entries);
            Assert.DoesNotContain((Label(id), "Completed"), entries);
        }

        // The viewer badges each executed activity (once its execution report is in): green when it completed, amber
        // where the instance waits.
        // Read in one pass in the page, retried until the count is right: Studio re-renders the graph while it refreshes
        // the instance, so node-by-node reads from here can land between two renders.
        await using var badged = await page.Page.WaitForFunctionAsync(
            """
            count => {
              const texts = [...document.querySelectorAll('elsa-workflow-instance-viewer .x6-node')]
                .filter(node => node.querySelector('.elsa-activity-wrapper-badge .mud-theme-warning'))
                .map(node => node.textContent ?? '');
              return texts.length === count ? texts : null;
            }
            """,
            waiting.Count,
            new() { Timeout = WatchedPage.BootTimeout });
        var marked = await badged.JsonValueAsync<string[]>();
        await page.ScreenshotAsync("viewer-" + number);
        await WorkbenchPages.DocsScreenshotAsync(page.Page, "guide-instance.png");

        Assert.Equal(waiting.Count, marked.Length);
        foreach (var id in waiting)
            Assert.Contains(marked, text => text.Contains(Label(id), StringComparison.Ordinal));
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    [Fact]
    public async Task Should_show_the_child_flowchart_with_the_waiting_task_marked_When_an_administrator_double_clicks_a_child_workflow()
    {
        var (number, instanceId, instance) = await StartCaseAsync();
        // The case waits for the unit's task inside 承办 (handle), a workflow used as an activity.
        var rootId = Repository.Definition("case-lifecycle")["root"]!["id"]!.GetValue<string>();
        var handleRoot = Repository.Definition("handle")["root"]!.AsObject();
        var task = $"{rootId}:handle:{handleRoot["id"]!.GetValue<string>()}:task";
        Assert.Contains(instance["workflowState"]!["bookmarks"]!.AsArray(), b => b!["activityNodeId"]!.GetValue<string>().EndsWith(task, StringComparison.Ordinal));
        var taskName = handleRoot["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "task")!["name"]!.GetValue<string>();

        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.SignInAsync("/designer/instances/" + instanceId);
        var viewer = page.Page.Locator("elsa-workflow-instance-viewer");
        var handle = viewer.Locator(".x6-node").Filter(new() { Has = page.Page.Locator("#activity-handle") });
        await handle.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await handle.DblClickAsync();

        // The child's flowchart replaces the parent's, the breadcrumb names the way in, and the task is badged amber.
        await Assertions.Expect(viewer.Locator(".mud-breadcrumbs")).ToContainTextAsync("承办", new() { Timeout = WatchedPage.BootTimeout });
        await using var badged = await page.Page.WaitForFunctionAsync(
            """
            () => {
              const node = [...document.querySelectorAll('elsa-workflow-instance-viewer .x6-node')].find(n => n.querySelector('#activity-task'));
              return node && node.querySelector('.elsa-activity-wrapper-badge .mud-theme-warning') ? node.textContent : null;
            }
            """,
            null,
            new() { Timeout = WatchedPage.BootTimeout });
        await page.ScreenshotAsync("viewer-child-" + number);

        Assert.Contains(taskName, await badged.JsonValueAsync<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await viewer.Locator("#activity-handle").CountAsync());
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }

    // A complaint registered through the integrators' API, its lifecycle instance and that instance as the viewer reads it.
    private async Task<(string Number, string InstanceId, JsonObject Instance)> StartCaseAsync()
    {
        string number;
        using (var integrator = Host.IntegratorClient())
        {
            using var created = await integrator.PostAsJsonAsync("api/cases", new
            {
                channel = "Phone", content = "小区门口占道经营，影响通行", type = "Complaint", subjectCode = "SR-ROAD", address = "东湖区新华路1号", districtCode = "990103",
            });
            number = (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
        }

        string instanceId;
        await using (var db = await Host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            instanceId = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).WorkflowInstanceId!;
        using var api = Host.Client("Bearer", await Host.TokenAsync("admin", DesignerHost.AdminPassword));
        return (number, instanceId, (await api.GetFromJsonAsync<JsonObject>("elsa/api/workflow-instances/" + instanceId))!);
    }
}

using System.Net.Http.Json;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>The shell around the Studio: sign-in, the page chrome in Chinese and English, sign-out, and moving between the four screens.</summary>
[Collection(BrowserGroup.Name)]
public sealed class DesignerShellTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    private static async Task<IReadOnlyList<string>> ChromeAsync(IPage page) =>
        [
            await page.InnerTextAsync(".hd-title"),
            await page.InnerTextAsync(".hd-nav a[data-nav=definitions]"),
            await page.InnerTextAsync(".hd-nav a[data-nav=instances]"),
            await page.InnerTextAsync("#hd-signout"),
        ];

    [Fact]
    public async Task Should_show_the_chrome_in_Chinese_switch_it_to_English_and_sign_out_When_an_administrator_uses_the_shell()
    {
        await using var page = await WatchedPage.OpenAsync(browser, Host);
        page.ExpectedStatuses.Add(Host.Address + "/designer/ 401");

        var refused = await page.Page.GotoAsync(Host.Address + "/designer/");
        Assert.Equal(401, refused!.Status);
        Assert.Equal("登录", await page.Page.InnerTextAsync("#hd-signin"));
        await page.Page.ClickAsync("#hd-language");
        Assert.Equal("Sign in", await page.Page.InnerTextAsync("#hd-signin"));
        await page.Page.ClickAsync("#hd-language");
        Assert.Equal("登录", await page.Page.InnerTextAsync("#hd-signin"));
        await page.Page.FillAsync("#hd-username", "admin");
        await page.Page.FillAsync("#hd-password", DesignerHost.AdminPassword);
        await page.Page.ClickAsync("#hd-signin");
        await page.Page.WaitForURLAsync(Host.Address + "/designer/");

        Assert.Equal(["工作流设计器", "流程定义", "流程实例", "退出"], await ChromeAsync(page.Page));
        Assert.Equal("zh-CN", await page.Page.GetAttributeAsync("html", "lang"));
        await page.Page.Locator("elsa-workflow-definition-list").GetByText("category-deadlines").WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });

        await page.Page.ClickAsync("#hd-language");
        Assert.Equal(["Workflow designer", "Definitions", "Instances", "Sign out"], await ChromeAsync(page.Page));
        Assert.Equal("en", await page.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal("中文", await page.Page.InnerTextAsync("#hd-language"));
        await page.Page.ReloadAsync();
        Assert.Equal(["Workflow designer", "Definitions", "Instances", "Sign out"], await ChromeAsync(page.Page));
        // Studio boots again after the reload; signing out before it has loaded its settings would refuse its own requests.
        await page.Page.Locator("elsa-workflow-definition-list").GetByText("category-deadlines").WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Page.ClickAsync("#hd-signout");
        await page.Page.WaitForURLAsync(Host.Address + "/designer/login");
        Assert.Equal("Sign in", await page.Page.InnerTextAsync("#hd-signin"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "hotline.session");
        page.ExpectedStatuses.Add(Host.Address + "/designer/definitions 401");
        var after = await page.Page.GotoAsync(Host.Address + "/designer/definitions");
        Assert.Equal(401, after!.Status);
        page.AssertClean();
    }

    [Fact]
    public async Task Should_open_the_editor_and_the_viewer_from_the_lists_without_reaching_beyond_127_0_0_1_When_an_administrator_works_through_the_screens()
    {
        using (var integrator = Host.IntegratorClient())
        {
            using var created = await integrator.PostAsJsonAsync("api/cases", new
            {
                channel = "Phone", content = "小区门口占道经营，影响通行", type = "Complaint", subjectCode = "SR-ROAD", address = "东湖区新华路1号", districtCode = "990103",
            });
            created.EnsureSuccessStatusCode();
        }

        await using var page = await WatchedPage.OpenAsync(browser, Host);
        await page.SignInAsync("/designer/definitions");
        var list = page.Page.Locator("elsa-workflow-definition-list");
        await list.GetByText("category-deadlines").ClickAsync(new() { Timeout = WatchedPage.BootTimeout });

        await page.Page.WaitForURLAsync(Host.Address + "/designer/definitions/category-deadlines");
        var ruleNodes = Repository.Definition("category-deadlines")["root"]!["activities"]!.AsArray().Count;
        await Assertions.Expect(page.Page.Locator("elsa-workflow-definition-editor .x6-node")).ToHaveCountAsync(ruleNodes, new() { Timeout = WatchedPage.BootTimeout });
        Assert.Equal(0, await list.CountAsync());

        await page.Page.ClickAsync(".hd-nav a[data-nav=instances]");
        await page.Page.WaitForURLAsync(Host.Address + "/designer/instances");
        var instance = page.Page.Locator("elsa-workflow-instance-list td[data-label=ID]").First;
        var instanceId = await instance.InnerTextAsync(new() { Timeout = WatchedPage.BootTimeout });
        await instance.ClickAsync();

        await page.Page.WaitForURLAsync(Host.Address + "/designer/instances/" + instanceId);
        var viewer = page.Page.Locator("elsa-workflow-instance-viewer");
        await viewer.Locator(".mud-timeline-item").First.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await viewer.GetByText("case-lifecycle", new() { Exact = true }).ClickAsync();

        await page.Page.WaitForURLAsync(Host.Address + "/designer/definitions/case-lifecycle");
        // Every node of the shipped graph (counted from the file, so a graph that grows does not break the test).
        var nodes = Repository.Definition("case-lifecycle")["root"]!["activities"]!.AsArray().Count;
        await Assertions.Expect(page.Page.Locator("elsa-workflow-definition-editor .x6-node")).ToHaveCountAsync(nodes, new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.GoBackAsync();
        await page.Page.WaitForURLAsync(Host.Address + "/designer/instances/" + instanceId);
        await viewer.Locator(".mud-timeline-item").First.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.GoBackAsync();
        await page.Page.Locator("elsa-workflow-instance-list td[data-label=ID]").First.WaitForAsync(new() { Timeout = WatchedPage.BootTimeout });
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(page.OutsideRequests);
        Assert.Contains(page.Requests, r => r.StartsWith("POST " + Host.Address + "/elsa/api/workflow-instances", StringComparison.Ordinal));
        Assert.False(await page.ErrorBarVisibleAsync(), "Blazor's error bar is shown");
        page.AssertClean();
    }
}

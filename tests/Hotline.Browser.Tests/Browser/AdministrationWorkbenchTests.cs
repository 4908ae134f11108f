using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The administration screens in Chromium: an administrator adds a unit (单位管理), a subject (诉求分类) and a routing rule
/// sending that subject to the new unit (派单规则), and the simulator on the same page answers with the new unit's name
/// and the rule; axe-core finds no WCAG 2.1 AA violation on /admin, /admin/units, /admin/subjects, /admin/routing and
/// /admin/users.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AdministrationWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    [Fact]
    public async Task Should_route_to_the_new_unit_in_the_simulator_When_an_administrator_adds_a_unit_a_subject_and_a_rule_through_the_screens()
    {
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/admin", "administrator");
        var p = page.Page;
        await Assertions.Expect(p.GetByRole(AriaRole.Link, new() { Name = "流程设计" })).ToHaveAttributeAsync("href", "/designer/");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin");

        await WorkbenchPages.GoLiveAsync(page, Host, "/admin/units");
        await p.ClickAsync("#wb-au-add-root");
        await p.FillAsync("#wb-au-code", "DH-SW");
        await p.FillAsync("#wb-au-name", "东湖区水务局");
        await p.SelectOptionAsync("#wb-au-level", "District");
        await p.FillAsync("#wb-au-district", "990103");
        await p.ClickAsync("#wb-au-save");
        await Assertions.Expect(p.Locator(".wb-admin-status")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(p.Locator("#wb-au-form-title")).ToHaveTextAsync("东湖区水务局");
        await Assertions.Expect(p.Locator(".wb-au-node[data-unit=DH-SW]")).ToBeVisibleAsync();
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/units");

        await WorkbenchPages.GoLiveAsync(page, Host, "/admin/subjects");
        await p.ClickAsync("#wb-as-add");
        await p.FillAsync("#wb-as-code", "SR-WATER");
        await p.FillAsync("#wb-as-name", "供水问题");
        await p.ClickAsync("#wb-as-save");
        await Assertions.Expect(p.Locator(".wb-admin-status")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(p.Locator(".wb-au-node[data-subject=SR-WATER]")).ToHaveTextAsync("供水问题");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/subjects");

        await WorkbenchPages.GoLiveAsync(page, Host, "/admin/routing");
        await p.ClickAsync("#wb-ar-add");
        await p.FillAsync("#wb-ar-id", "R-WATER");
        await p.SelectOptionAsync("#wb-ar-subject", "SR-WATER");
        await p.SelectOptionAsync("#wb-ar-district", "990103");
        await p.SelectOptionAsync("#wb-ar-lead", "DH-SW");
        await p.ClickAsync("#wb-ar-save");
        var row = p.Locator("#wb-ar-matrix tr[data-rule=R-WATER]");
        await Assertions.Expect(row).ToContainTextAsync("供水问题");
        await Assertions.Expect(row).ToContainTextAsync("东湖区城管局");
        await Assertions.Expect(row).ToContainTextAsync("东湖区水务局");

        await p.SelectOptionAsync("#wb-ar-sim-subject", "SR-WATER");
        await p.SelectOptionAsync("#wb-ar-sim-district", "990103");
        await p.ClickAsync("#wb-ar-simulate");
        var answer = p.Locator("#wb-ar-sim-result");
        await Assertions.Expect(answer).ToContainTextAsync("主办：东湖区水务局");
        await Assertions.Expect(answer).ToContainTextAsync("命中规则：R-WATER（诉求分类：供水问题）");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/routing");

        await WorkbenchPages.GoLiveAsync(page, Host, "/admin/users");
        await Assertions.Expect(p.Locator("#wb-auser-list tr[data-user=admin]")).ToContainTextAsync("管理员");
        await WorkbenchPages.AssertAccessibleAsync(p, "/admin/users");
        page.AssertClean();
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// Live notifications in Chromium: a unit user's open /inbox gets a case filed over the API within a second (the bell's
/// unread count and the task in the list, without a reload), the bell's panel links the case and passes axe-core's
/// WCAG 2.1 AA check, "mark all read" clears the count, and Escape closes the panel back onto the bell.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed partial class NotificationTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinASecond = new() { Timeout = 1000 };

    private DesignerHost Host => fixture.Host;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Count();

    [Fact]
    public async Task Should_show_the_new_task_and_an_unread_count_within_a_second_When_a_case_is_filed_while_the_inbox_is_open()
    {
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG");
        var bell = page.Page.Locator("#wb-bell");
        var before = int.Parse(Count().Match(await bell.GetAttributeAsync("aria-label") ?? "").Value, CultureInfo.InvariantCulture);

        var number = await WorkbenchPages.CreateCaseAsync(Host, "通知测试：夜间施工噪音扰民");

        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"通知，{before + 1}条未读", WithinASecond);
        await Assertions.Expect(page.Page.Locator("#wb-inbox").GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync(new() { Timeout = 1000 });
        await Assertions.Expect(page.Page.Locator("#wb-bell-live")).ToContainTextAsync("新通知");

        await bell.ClickAsync();
        var panel = page.Page.Locator("#wb-bell-panel");
        await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", $"/cases/{number}");
        await Assertions.Expect(panel).ToContainTextAsync("新任务");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-expanded", "true");
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/inbox with the notification panel open");

        await page.Page.ClickAsync("#wb-bell-read");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "通知，0条未读");
        await Assertions.Expect(page.Page.Locator("#wb-bell-count")).ToHaveCountAsync(0);
        await page.Page.PressAsync("#wb-bell-read", "Escape");
        await Assertions.Expect(panel).ToHaveCountAsync(0);
        await Assertions.Expect(bell).ToBeFocusedAsync();
        page.AssertClean();
    }
}

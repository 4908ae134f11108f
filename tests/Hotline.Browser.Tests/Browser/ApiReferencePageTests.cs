using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// The API reference (/api/docs) in Chromium without signing in: Scalar renders the document's operations, starting a
/// case among them, with every request to this host and no error or policy violation in the console.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ApiReferencePageTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Should_render_starting_a_case_from_the_host_alone_When_an_integrator_opens_the_reference()
    {
        await using var page = await WatchedPage.OpenAsync(browser, fixture.Host);

        await page.Page.GotoAsync(fixture.Host.Address + "/api/docs/");
        await page.Page.GetByText("Cases", new() { Exact = true }).First.ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Page.GetByText("Registers a citizen's request and starts its lifecycle").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        page.AssertClean();
    }
}

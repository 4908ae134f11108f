using Hotline.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Browser;

/// <summary>
/// Attachments from a desk in Chromium: a unit's user attaches a photo to its answer in /inbox (an executable named
/// .jpg is refused next to the control), answers, and the case page lists the photo, shows it on the timeline and
/// downloads the same bytes; axe-core finds no WCAG 2.1 AA violation on the form or the case page.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AttachmentWorkbenchTests(BrowserFixture browser, HostFixture fixture) : IClassFixture<HostFixture>
{
    private DesignerHost Host => fixture.Host;

    /// <summary>A PNG's signature and a few bytes.</summary>
    private static readonly byte[] Photo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public async Task Should_list_show_on_the_timeline_and_download_the_photo_When_a_unit_attaches_it_to_its_answer()
    {
        var number = await WorkbenchPages.CreateCaseAsync(Host, "附件测试：人行道被摊位占用");
        await using var page = await WorkbenchPages.OpenAsAsync(browser, Host, "/inbox", "unit", "DH-CG");
        var row = page.Page.Locator("#wb-inbox tbody tr", new() { Has = page.Page.GetByRole(AriaRole.Link, new() { Name = number }) });
        await row.GetByRole(AriaRole.Button, new() { Name = "签收", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已签收");
        await row.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();

        var input = page.Page.GetByLabel("上传办理证明材料（照片、文件）");
        // Blazor's InputFile listens for a choice only once its script has set the input up after the form rendered.
        await input.EvaluateAsync("e => new Promise(done => { const ready = () => e._blazorInputFileNextFileId !== undefined ? done(true) : setTimeout(ready, 20); ready(); })");
        await input.SetInputFilesAsync(new FilePayload { Name = "病毒.jpg", MimeType = "image/jpeg", Buffer = [(byte)'M', (byte)'Z', 0, 0, 0, 0, 0, 0] });
        await Assertions.Expect(page.Page.Locator("#wb-action-attach-refused")).ToContainTextAsync("病毒.jpg");
        await input.SetInputFilesAsync(new FilePayload { Name = "现场照片.png", MimeType = "image/png", Buffer = Photo });
        await Assertions.Expect(page.Page.Locator("#wb-action-attach .wb-attach-list")).ToContainTextAsync("现场照片.png (16 B)");
        await Assertions.Expect(page.Page.Locator("#wb-action-attach-refused")).ToBeEmptyAsync();
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "/inbox answer form with an attachment");
        await page.Page.FillAsync("#wb-action-text", "已清理摊位，附现场照片。");
        await page.Page.ClickAsync("#wb-action-submit");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        await page.Page.GotoAsync(Host.Address + $"/cases/{number}");
        await Assertions.Expect(page.Page.Locator("#wb-attachments")).ToContainTextAsync("现场照片.png");
        var onTimeline = page.Page.Locator("#wb-timeline li", new() { HasText = "上传附件" }).GetByRole(AriaRole.Link, new() { Name = "现场照片.png" });
        var download = await page.Page.RunAndWaitForDownloadAsync(() => onTimeline.ClickAsync());
        Assert.Equal("现场照片.png", download.SuggestedFilename);
        Assert.Equal(Photo, await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.DoesNotContain("病毒.jpg", await page.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await WorkbenchPages.AssertAccessibleAsync(page.Page, "the case page with an attachment");
        page.AssertClean();
    }
}

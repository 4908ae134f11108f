using System.Net;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>The 数据导入 screen's export links: a download for an administrator's session, nothing for another role's.</summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    [Fact]
    public async Task Should_download_the_subjects_as_csv_When_an_administrators_session_follows_the_import_screens_export_link()
    {
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, "admin", HotlineFactory.AdminPassword);
        using var download = await browser.GetAsync("/admin/import/export/subjects?format=csv");
        var text = await download.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("subjects.csv", download.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("code,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_no_file_When_a_supervisors_session_follows_an_export_link()
    {
        var name = "export-" + Guid.NewGuid().ToString("N")[..8];
        await host.Factory.Services.GetRequiredService<UserService>().CreateAsync(new NewUser(name, name, HotlineFactory.UserPassword, ["supervisor"], null));
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, name, HotlineFactory.UserPassword);
        using var download = await browser.GetAsync("/admin/import/export/subjects?format=csv");

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.DoesNotContain("code,", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>Signing in at the site's address opens the person's own desk; a page asked for is kept.</summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    [Fact]
    public async Task Should_open_the_units_inbox_When_a_unit_user_signs_in_at_the_sites_address()
    {
        var name = "start-" + Guid.NewGuid().ToString("N")[..8];
        await host.Factory.Services.GetRequiredService<UserService>().CreateAsync(new NewUser(name, name, HotlineFactory.UserPassword, ["unit"], "DH-SC"));
        using var browser = Browser();
        using var atHome = await SignInAsync(browser, name, HotlineFactory.UserPassword);
        using var again = Browser();
        using var atCase = await SignInAsync(again, name, HotlineFactory.UserPassword, "/cases/X");

        Assert.Equal(HttpStatusCode.Redirect, atHome.StatusCode);
        Assert.Equal("/inbox", atHome.Headers.Location!.OriginalString);
        Assert.Equal("/cases/X", atCase.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("unit", "/dispatch", "派单台")]
    [InlineData("unit", "/intake", "受理台")]
    [InlineData("unit", "/callbacks", "回访台")]
    [InlineData("operator", "/inbox", "承办工作台")]
    [InlineData("callback-agent", "/dispatch", "派单台")]
    [InlineData("dispatcher", "/callbacks", "回访台")]
    [InlineData("supervisor", "/admin", "系统管理")]
    [InlineData("leader", "/admin/units", "单位管理")]
    [InlineData("operator", "/admin/subjects", "诉求分类")]
    [InlineData("unit", "/admin/routing", "派单规则")]
    [InlineData("supervisor", "/admin/users", "用户管理")]
    [InlineData("leader", "/admin/routing", "派单规则")]
    [InlineData("dispatcher", "/admin/units", "单位管理")]
    [InlineData("unit", "/supervision", "督办台")]
    [InlineData("operator", "/supervision", "督办台")]
    [InlineData("unit", "/dashboard", "领导驾驶舱")]
    [InlineData("operator", "/dashboard", "领导驾驶舱")]
    [InlineData("unit", "/reports/daily", "每日一报")]
    [InlineData("operator", "/reports/daily", "每日一报")]
    [InlineData("callback-agent", "/reports/daily", "每日一报")]
    [InlineData("supervisor", "/admin/calendar", "节假日历")]
    [InlineData("leader", "/admin/knowledge", "知识库")]
    [InlineData("operator", "/admin/import", "数据导入")]
    [InlineData("unit", "/admin/audit", "审计日志")]
    [InlineData("leader", "/admin/calendar", "节假日历")]
    [InlineData("supervisor", "/admin/audit", "审计日志")]
    [InlineData("dispatcher", "/admin/notices", "通知模板")]
    [InlineData("unit", "/admin/notices", "通知模板")]
    public async Task Should_answer_the_not_found_page_with_no_desk_in_it_When_a_person_opens_another_roles_desk(string role, string path, string heading)
    {
        var name = "desk-" + Guid.NewGuid().ToString("N")[..8];
        await host.Factory.Services.GetRequiredService<UserService>().CreateAsync(
            new NewUser(name, name, HotlineFactory.UserPassword, [role], role == "unit" ? "DH-SC" : null));
        using var browser = Browser();
        using var signIn = await SignInAsync(browser, name, HotlineFactory.UserPassword, path);
        using var page = await browser.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(path, signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("wb-not-found", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + heading + "</h1>", html, StringComparison.Ordinal);
    }
}

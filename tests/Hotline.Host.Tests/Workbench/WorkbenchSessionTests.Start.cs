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
}

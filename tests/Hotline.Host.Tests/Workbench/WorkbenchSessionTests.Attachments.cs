using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Attachments;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>The case page's attachments: listed with a download link on a page path that the session cookie opens, for those who may see the case only.</summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    [Fact]
    public async Task Should_list_the_attachment_and_download_it_through_the_session_When_the_lead_units_user_opens_the_case_and_not_for_another_unit()
    {
        var number = (await host.Admin.GetFromJsonAsync<JsonObject>("/api/cases"))!["items"]![0]!["number"]!.GetValue<string>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var operatorClient = await host.Factory.CreateUserClientAsync("wb-op-" + suffix, ["operator"]);
        var photo = CaseAttachmentTests.Png(fill: (byte)suffix[0]);
        using (var uploaded = await operatorClient.PostAsync($"/api/cases/{number}/attachments", CaseAttachmentTests.Files("file", ($"现场-{suffix}.png", photo))))
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var users = host.Factory.Services.GetRequiredService<UserService>();
        await users.CreateAsync(new NewUser("wb-cg-" + suffix, "wb-cg", HotlineFactory.UserPassword, ["unit"], "DH-CG"));
        await users.CreateAsync(new NewUser("wb-sc-" + suffix, "wb-sc", HotlineFactory.UserPassword, ["unit"], "DH-SC"));
        using var owner = Browser();
        using var ownerSignIn = await SignInAsync(owner, "wb-cg-" + suffix, HotlineFactory.UserPassword);
        using var stranger = Browser();
        using var strangerSignIn = await SignInAsync(stranger, "wb-sc-" + suffix, HotlineFactory.UserPassword);

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync($"/cases/{number}"));
        var link = System.Text.RegularExpressions.Regex.Match(page, $"href=\"(/cases/[^\"]+)\" download>现场-{suffix}.png<").Groups[1].Value;
        using var download = await owner.GetAsync(link);
        using var refused = await stranger.GetAsync(link);

        Assert.Contains("wb-attachments", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}

using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>What the workbench's browser tests share: a routed case, the sign-in form, the axe-core WCAG 2.1 AA check.</summary>
public static class WorkbenchPages
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>
    /// Files a complaint of the caller <paramref name="phone"/> that the routing rule sends to DH-CG (SR-ROAD, unless
    /// another subject is given); returns its number.
    /// </summary>
    public static Task<string> CreateCaseAsync(DesignerHost host, string content, string phone = "13812345678", string subjectCode = "SR-ROAD") =>
        PostCaseAsync(host, content, phone, subjectCode, "990103");

    /// <summary>Files a complaint in district 990104, which no routing rule covers: it waits at the dispatch desk (人工派单); returns its number.</summary>
    public static Task<string> CreateUnroutedCaseAsync(DesignerHost host, string content) => PostCaseAsync(host, content, "13812345678", "SR-ROAD", "990104");

    /// <summary>Files a complaint about SR-ROAD that came in through <paramref name="channel"/> in <paramref name="districtCode"/>; returns its number.</summary>
    public static Task<string> CreateCaseThroughAsync(DesignerHost host, string content, string channel, string districtCode = "990103") =>
        PostCaseAsync(host, content, "13812345678", "SR-ROAD", districtCode, channel);

    private static async Task<string> PostCaseAsync(DesignerHost host, string content, string phone, string subjectCode, string districtCode, string channel = "Phone")
    {
        ArgumentNullException.ThrowIfNull(host);
        using var integrator = host.IntegratorClient();
        using var created = await integrator.PostAsJsonAsync("api/cases", new
        {
            channel, content, citizenPhone = phone, type = "Complaint", subjectCode, address = "东湖区新华路1号", districtCode,
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["number"]!.GetValue<string>();
    }

    /// <summary>Signs in through the workbench's form (the page is at /login).</summary>
    public static async Task SignInAsync(WatchedPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Page.FillAsync("#wb-username", userName);
        await page.Page.FillAsync("#wb-password", password);
        await page.Page.ClickAsync("#wb-signin");
    }

    /// <summary>Asserts that axe-core finds no WCAG 2.1 A or AA violation on the page as it is.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // The page's title first: a page becoming live rewrites its head, and axe must not catch it in between.
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        var result = await page.RunAxe(WcagAa);
        Assert.True(result.Violations.Length == 0,
            what + ": " + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>
    /// A README picture (<c>docs/<paramref name="fileName"/></c>), taken only when HOTLINE_UPDATE_DOCS_SCREENSHOT=1, so a
    /// test run leaves the repository as it was: <c>HOTLINE_UPDATE_DOCS_SCREENSHOT=1 build/test.sh --filter "FullyQualifiedName~Workbench"</c>.
    /// </summary>
    public static async Task DocsScreenshotAsync(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable("HOTLINE_UPDATE_DOCS_SCREENSHOT") != "1")
            return;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Root, "docs", fileName), FullPage = true });
    }

    /// <summary>Opens <paramref name="path"/> as a new person with <paramref name="role"/> (signed in through the form) once the page is live.</summary>
    public static async Task<WatchedPage> OpenAsAsync(
        BrowserFixture browser, DesignerHost host, string path, string role, string? unitCode = null, [CallerMemberName] string name = "")
    {
        ArgumentNullException.ThrowIfNull(host);
        var userName = "wb-" + role + "-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateUserAsync(userName, [role], unitCode);
        var page = await WatchedPage.OpenAsync(browser, host, name);
        await page.Page.GotoAsync(host.Address + path);
        await SignInAsync(page, userName, DesignerHost.UserPassword);
        await page.Page.WaitForURLAsync(host.Address + path);
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>DH-CG answers the case with <paramref name="answer"/> and the centre approves it (over the API): the case waits for its callback.</summary>
    public static async Task ReplyAsync(DesignerHost host, string number, string answer)
    {
        ArgumentNullException.ThrowIfNull(host);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await host.CreateUserAsync("wb-unit-" + suffix, ["unit"], "DH-CG");
        await host.CreateUserAsync("wb-dispatcher-" + suffix, ["dispatcher"]);
        using var unit = host.Client("Bearer", await host.TokenAsync("wb-unit-" + suffix, DesignerHost.UserPassword));
        using var centre = host.Client("Bearer", await host.TokenAsync("wb-dispatcher-" + suffix, DesignerHost.UserPassword));
        var task = await TaskOfAsync(unit, number);
        (await unit.PostAsync($"api/inbox/{task}/claim", null)).EnsureSuccessStatusCode();
        (await unit.PostAsJsonAsync($"api/inbox/{task}/answer", new { answer })).EnsureSuccessStatusCode();
        (await centre.PostAsJsonAsync($"api/inbox/{await TaskOfAsync(centre, number)}/review", new { decision = "approve" })).EnsureSuccessStatusCode();
    }

    /// <summary>The path <c>/rate/{token}</c> of the rating link at the end of case <paramref name="number"/>'s last reply (the raw token exists nowhere else).</summary>
    public static async Task<string> RatingPathAsync(DesignerHost host, string number)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var id = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).Id;
        // The link exists only in the text message to the citizen (the outbox; the host's gateway is never reached here).
        var replies = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == id && m.Kind == Hotline.Domain.Notifications.NotificationKind.Reply).ToListAsync();
        var text = replies.MaxBy(m => m.Id)!.Body;
        return text[text.LastIndexOf("/rate/", StringComparison.Ordinal)..];
    }

    /// <summary>A callback agent records the citizen of case <paramref name="number"/> satisfied and resolved (over the API): the case closes.</summary>
    public static async Task CallBackSatisfiedAsync(DesignerHost host, string number)
    {
        ArgumentNullException.ThrowIfNull(host);
        var userName = "wb-callback-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateUserAsync(userName, ["callback-agent"]);
        using var agent = host.Client("Bearer", await host.TokenAsync(userName, DesignerHost.UserPassword));
        (await agent.PostAsJsonAsync($"api/inbox/{await TaskOfAsync(agent, number)}/callback", new { result = "Satisfied", resolved = true })).EnsureSuccessStatusCode();
    }

    /// <summary>Moves the host's clock a minute past the deadline of case <paramref name="number"/> and fires the workflow timers due by then.</summary>
    public static async Task PastDeadlineAsync(DesignerHost host, string number)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        await AdvanceAsync(host, (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).DeadlineAt!.Value.AddMinutes(1));
    }

    /// <summary>
    /// Moves the host's clock a minute past the case's waiting timer of the activity <paramref name="activityId"/> (e.g.
    /// the escalation ladder's <c>wait-level1</c>) and fires the workflow timers due by then.
    /// </summary>
    public static async Task PastTimerAsync(DesignerHost host, string number, string activityId)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        var instance = (await db.Cases.AsNoTracking().SingleAsync(c => c.Number == number)).WorkflowInstanceId;
        var timers = await db.Bookmarks.AsNoTracking().Where(b => b.WorkflowInstanceId == instance && b.ResumeAt != null).ToListAsync();
        await AdvanceAsync(host, timers.Single(b => b.ActivityNodeId.EndsWith(":" + activityId, StringComparison.Ordinal)).ResumeAt!.Value.AddMinutes(1));
    }

    private static async Task AdvanceAsync(DesignerHost host, DateTimeOffset at)
    {
        host.Clock.Advance(at - host.Clock.GetUtcNow());
        await host.Services.GetRequiredService<WorkflowRuntime>().ResumeDueTimersAsync(at);
    }

    /// <summary>The caller's pending task of case <paramref name="number"/>.</summary>
    private static async Task<string> TaskOfAsync(HttpClient client, string number)
    {
        var inbox = (await client.GetFromJsonAsync<JsonObject>("api/inbox?pageSize=100"))!;
        return inbox["items"]!.AsArray().Single(t => t!["caseNumber"]?.GetValue<string>() == number)!["taskId"]!.GetValue<string>();
    }

    /// <summary>Opens <paramref name="path"/> in the same signed-in page (a full page load) once the page is live.</summary>
    public static async Task GoLiveAsync(WatchedPage page, DesignerHost host, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(host);
        await page.Page.GotoAsync(host.Address + path);
        await Assertions.Expect(page.Page.Locator("h1[data-live=true]")).ToBeVisibleAsync();
    }
}

using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) driven by Playwright, headless, with a fresh profile per test (a new
/// browser context). Playwright's own browser downloads are never used. One browser for the whole collection: the
/// tests run one after another, so WebAssembly boots do not compete for the two cores.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (build/test.sh does).");
        // The canvas draws its nodes over a few seconds on a busy two-core machine; 5 s (the default) is too tight.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the network flags Chromium tries to reach outside hosts (BUILD-NOTES).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// A page in a fresh browser context that records what the designer must not do: requests to hosts other than
/// 127.0.0.1, failed requests (network errors and 4xx/5xx answers), console errors and uncaught exceptions.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    /// <summary>The ~3.5 s WebAssembly boot plus the first API calls, with room for a busy two-core machine.</summary>
    public const float BootTimeout = 90_000;

    private readonly List<string> _requests = [];
    private readonly List<string> _failures = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly Lock _lock = new();

    private readonly string _name;

    private WatchedPage(IBrowserContext context, IPage page, string address, string name)
    {
        Context = context;
        Page = page;
        Address = address;
        _name = name;
        page.Request += (_, request) => Record(_requests, request.Method + " " + request.Url);
        page.RequestFailed += (_, request) =>
        {
            // Aborted: a poll cut short by leaving the screen, or the body of an answer already recorded below.
            if (request.Failure is not "net::ERR_ABORTED")
                Record(_failures, $"{request.Method} {request.Url}: {request.Failure}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !ExpectedStatuses.Contains(response.Url + " " + response.Status))
                Record(_failures, $"{response.Request.Method} {response.Url}: {response.Status}");
        };
        page.Console += (_, message) =>
        {
            // Failed loads are recorded from the responses, where an expected 401 can be told apart.
            if (message.Type is "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                Record(_errors, "console: " + message.Text);
            if (message.Type is "warning")
                Record(_warnings, message.Text);
        };
        page.PageError += (_, error) => Record(_errors, "page error: " + error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The host, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; }

    /// <summary>Answers a test expects (URL + status), not counted as failures (e.g. the 401 of a page before sign-in).</summary>
    public HashSet<string> ExpectedStatuses { get; } = [];

    /// <summary>A fresh context and page; <paramref name="name"/> names the screenshot and log left in bin/…/screenshots when it closes.</summary>
    public static async Task<WatchedPage> OpenAsync(BrowserFixture browser, DesignerHost host, [CallerMemberName] string name = "")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
            // No colour fades: axe must judge a button's contrast at its colours, not half-way through a transition.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new WatchedPage(context, page, host.Address, name);
    }

    public IReadOnlyList<string> Requests => Snapshot(_requests);

    public IReadOnlyList<string> Failures => Snapshot(_failures);

    public IReadOnlyList<string> Errors => Snapshot(_errors);

    /// <summary>Console warnings (e.g. X6's "Unable to execute manhattan algorithm" for a connection it cannot route).</summary>
    public IReadOnlyList<string> Warnings => Snapshot(_warnings);

    /// <summary>Requests whose host is not 127.0.0.1 (data: and blob: URLs never leave the page).</summary>
    public IReadOnlyList<string> OutsideRequests => Requests.Where(r =>
    {
        var url = r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host != "127.0.0.1");
    }).ToList();

    /// <summary>Signs in through the sign-in form and waits for the page it returns to.</summary>
    public async Task SignInAsync(string path, string userName = "admin", string password = DesignerHost.AdminPassword)
    {
        ExpectedStatuses.Add(Address + path + " 401");
        var response = await Page.GotoAsync(Address + path);
        Assert.Equal(401, response!.Status);
        await Page.FillAsync("#hd-username", userName);
        await Page.FillAsync("#hd-password", password);
        await Page.ClickAsync("#hd-signin");
        await Page.WaitForURLAsync(Address + path);
    }

    /// <summary>Fails with everything recorded when the page made a failed request, logged an error or left 127.0.0.1.</summary>
    public void AssertClean()
    {
        var problems = Failures.Concat(Errors).Concat(OutsideRequests.Select(r => "outside: " + r)).ToList();
        Assert.True(problems.Count == 0, "The page was not clean:\n" + string.Join("\n", problems));
    }

    /// <summary>Whether Blazor's "An unhandled error has occurred" bar is shown.</summary>
    public Task<bool> ErrorBarVisibleAsync() => Page.Locator("#blazor-error-ui").IsVisibleAsync();

    /// <summary>Saves a screenshot into the test output folder (and returns its path) for a failing run to look at.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Leaves the last screen and everything recorded in the screenshots folder (what a failing run needs), then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var path = await ScreenshotAsync(_name);
            await File.WriteAllLinesAsync(Path.ChangeExtension(path, ".log"),
                [$"url: {Page.Url}", .. Failures.Select(f => "failed: " + f), .. Errors.Select(e => "error: " + e), .. Requests.Select(r => "request: " + r)]);
        }
        catch (PlaywrightException)
        {
            // The page is gone (the browser crashed): nothing left to record.
        }

        await Context.CloseAsync();
    }

    private void Record(List<string> list, string entry)
    {
        lock (_lock)
            list.Add(entry);
    }

    private IReadOnlyList<string> Snapshot(List<string> list)
    {
        lock (_lock)
            return [.. list];
    }
}

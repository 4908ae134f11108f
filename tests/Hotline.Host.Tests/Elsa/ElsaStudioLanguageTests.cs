using System.Text.Json.Nodes;
using Hotline.Host.Elsa;
using Hotline.Host.Elsa.Words;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// What the Studio shows from the host speaks the reader's language and the hotline's time: the activity catalogue in
/// Chinese by default and in English with the designer's English cookie or an English browser, every activity with all
/// its words, type, input and outcome keys unchanged; version history moments in Beijing time with their offset.
/// </summary>
public abstract class ElsaStudioLanguageTests : IAsyncLifetime
{
    private PostgresDatabase? _postgres;
    private HotlineFactory _factory = null!;
    private HttpClient _admin = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _postgres = OnPostgreSql ? await PostgresDatabase.CreateMigratedAsync() : null;
        _factory = new HotlineFactory(_postgres?.ConnectionString);
        _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    private async Task<List<JsonObject>> DescriptorsAsync(Action<HttpRequestMessage> language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ElsaStudio.Api + "/descriptors/activities");
        language(request);
        using var response = await _admin.SendAsync(request);
        return (await ElsaStudio.ObjectAsync(response))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    private async Task<JsonObject> InboxTaskAsync(Action<HttpRequestMessage> language) =>
        (await DescriptorsAsync(language)).Single(i => i["typeName"]!.GetValue<string>() == "Hotline.CreateInboxTask");

    private static (string? DisplayName, string Category, string? Input, string InputName, string? Port, string PortName) Shown(JsonObject descriptor)
    {
        var input = descriptor["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "UnitCode")!;
        var port = descriptor["ports"]!.AsArray().First()!;
        return (descriptor["displayName"]?.GetValue<string>(), descriptor["category"]!.GetValue<string>(), input["displayName"]?.GetValue<string>(),
            input["name"]!.GetValue<string>(), port["displayName"]?.GetValue<string>(), port["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_describe_activities_in_Chinese_with_unchanged_keys_When_the_reader_asks_for_no_language()
    {
        var shown = Shown(await InboxTaskAsync(_ => { }));

        Assert.Equal(("创建待办任务", "任务", "承办单位", "UnitCode", "完成", "Done"), shown);
        // The toolbox's groups, the shipped definitions usable as activities (子流程) included.
        var categories = (await DescriptorsAsync(_ => { })).Select(d => d["category"]!.GetValue<string>()).Distinct().ToList();
        Assert.Contains("子流程", categories);
        Assert.DoesNotContain(categories, c => !c.Any(IsChinese));
    }

    [Theory]
    [InlineData("hotline.lang=en", null)]
    [InlineData(null, "en-US,en;q=0.9")]
    [InlineData("hotline.lang=en", "zh-CN,zh;q=0.9")]
    public async Task Should_describe_activities_in_English_When_the_cookie_or_the_browser_asks_for_English(string? cookie, string? acceptLanguage)
    {
        var shown = Shown(await InboxTaskAsync(request =>
        {
            if (cookie is not null)
                request.Headers.Add("Cookie", cookie);
            if (acceptLanguage is not null)
                request.Headers.Add("Accept-Language", acceptLanguage);
        }));

        Assert.Equal(("Create Inbox Task", "Tasks", "UnitCode", "UnitCode", "Done", "Done"), shown);
    }

    [Theory]
    [InlineData("hotline.lang=zh", "en-US")]
    [InlineData(null, "en;q=0.5,zh-CN")]
    [InlineData(null, "fr-FR")]
    public async Task Should_describe_activities_in_Chinese_When_the_cookie_or_the_browser_prefers_Chinese_or_neither_language(string? cookie, string? acceptLanguage)
    {
        var shown = Shown(await InboxTaskAsync(request =>
        {
            if (cookie is not null)
                request.Headers.Add("Cookie", cookie);
            request.Headers.Add("Accept-Language", acceptLanguage);
        }));

        Assert.Equal("创建待办任务", shown.DisplayName);
    }

    [Fact]
    public async Task Should_have_Chinese_words_for_every_activity_When_the_catalogue_is_built()
    {
        var catalog = _factory.Services.GetRequiredService<ActivityDescriptorCatalog>();
        var english = (await catalog.ListAsync()).Where(d => !d.CustomProperties.ContainsKey("RootType")).ToList();

        Assert.Empty(ActivityWords.Chinese.Missing(english));
        var chinese = english.Select(d => ActivityWords.Chinese.Translate(d, "zh")).ToList();
        var texts = chinese.SelectMany(d => new[] { ($"{d.TypeName} displayName", d.DisplayName), ($"{d.TypeName} category", d.Category), ($"{d.TypeName} description", d.Description) }
            .Concat(d.Inputs.SelectMany(i => new[] { ($"{d.TypeName}.{i.Name}", i.DisplayName), ($"{d.TypeName}.{i.Name} description", i.Description) }))
            .Concat(d.Outputs.SelectMany(o => new[] { ($"{d.TypeName}.{o.Name}", o.DisplayName), ($"{d.TypeName}.{o.Name} description", o.Description) }))
            .Concat(d.Ports.Select(p => ($"{d.TypeName} port {p.Name}", (string?)p.DisplayName))));
        Assert.Empty(texts.Where(t => t.Item2 is not null && !t.Item2.Any(IsChinese)).Select(t => $"{t.Item1}: {t.Item2}"));
    }

    [Fact]
    public async Task Should_show_the_shipped_workflows_in_Chinese_When_the_toolbox_offers_them_as_activities()
    {
        var workflows = (await DescriptorsAsync(_ => { })).Where(d => d["customProperties"]?["RootType"] is not null).ToList();

        Assert.Contains(workflows, d => d["typeName"]!.GetValue<string>() == "Accept" && d["displayName"]!.GetValue<string>() == "受理");
        var texts = workflows.SelectMany(d => new[] { ($"{d["typeName"]} displayName", d["displayName"]?.GetValue<string>()) }
            .Concat(d["ports"]!.AsArray().Select(p => ($"{d["typeName"]} port {p!["name"]}", p["displayName"]?.GetValue<string>())))
            .Concat(d["inputs"]!.AsArray().Select(i => ($"{d["typeName"]}.{i!["name"]}", i["displayName"]?.GetValue<string>()))));
        Assert.Empty(texts.Where(t => t.Item2 is null || !t.Item2.Any(IsChinese)).Select(t => $"{t.Item1}: {t.Item2}"));
    }

    [Fact]
    public async Task Should_date_version_history_in_Beijing_time_with_its_offset_When_the_Studio_lists_versions()
    {
        // The factory's clock stands at 01:00 UTC, 09:00 in Beijing.
        var saved = (await StudioModels.SaveAsync(_admin, StudioModels.Create("Greeting")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();

        var versions = await StudioModels.VersionsAsync(_admin, saved["definitionId"]!.GetValue<string>());

        Assert.Equal("2026-03-02T09:00:00+08:00", versions.Single()["createdAt"]!.GetValue<string>());
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}

/// <summary>On SQLite.</summary>
public sealed class ElsaStudioLanguageSqliteTests : ElsaStudioLanguageTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class ElsaStudioLanguagePostgreSqlTests : ElsaStudioLanguageTests
{
    protected override bool OnPostgreSql => true;
}
